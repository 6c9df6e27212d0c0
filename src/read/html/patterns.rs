//! Every selector, token list, weight and threshold the extractor uses, grouped
//! by stage, each with the reason it exists. Logic elsewhere names these;
//! it never carries a bare number or pattern.

// ---- metadata --------------------------------------------------------------

/// JSON-LD `@type`s that describe the article itself, most specific first.
pub const LD_ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "LiveBlogPosting",
    "Article",
    "BlogPosting",
    "SocialMediaPosting",
    "TechArticle",
    "ScholarlyArticle",
    "Report",
    "Review",
    "Blog",
];

/// JSON-LD `@type`s that describe the page around the article: used only
/// when no article object exists (many CMSs put the facts on `WebPage`).
pub const LD_PAGE_TYPES: &[&str] = &["WebPage", "ItemPage", "CollectionPage", "AboutPage"];

/// JSON-LD `@type`s whose `name` is a publication, never a person.
pub const LD_ORGANIZATION_TYPES: &[&str] = &[
    "Organization",
    "NewsMediaOrganization",
    "Corporation",
    "WebSite",
    "Brand",
];

/// How deep to look for article objects inside JSON-LD (`@graph`,
/// `mainEntity`, arrays): real pages nest two or three levels; more is noise.
pub const LD_MAX_DEPTH: usize = 6;

/// The points an article object earns toward being the page's article: a
/// headline agreeing with the page's title outweighs every other fact, a
/// publication date outweighs an author or a body.
pub const LD_TITLE_AGREES_POINTS: usize = 4;
pub const LD_DATE_POINTS: usize = 2;
pub const LD_FACT_POINTS: usize = 1;

/// A JSON-LD object with at most this many keys and an `@id` is only a
/// reference to an object given elsewhere (`{"@type": …, "@id": …}`).
pub const LD_REFERENCE_MAX_KEYS: usize = 2;

/// Meta tags naming the headline, most reliable first (Dublin Core and Open
/// Graph are explicit statements; `<meta name=title>` is often the SEO title).
pub const META_TITLE: &[&str] = &[
    "dc.title",
    "dcterms.title",
    "og:title",
    "twitter:title",
    "parsely-title",
    "sailthru.title",
    "citation_title",
    "title",
    "headline",
];

/// Meta tags naming the author(s), most reliable first. `article:author` is
/// often a profile URL and is skipped then.
pub const META_AUTHOR: &[&str] = &[
    "dc.creator",
    "dcterms.creator",
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "citation_author",
    "byl",
    "og:article:author",
    "article.author",
    "cxenseparse:author",
];

/// Meta tags naming the publication date, most reliable first.
pub const META_PUBLISHED: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "article.published",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "article_date_original",
    "originalpublicationdate",
    "og:pubdate",
    "release_date",
];

/// Meta tags naming a date without saying which (`date`, Dublin Core's
/// `dc.date`): as often the last change or the record's creation as the
/// publication, so a date printed near the headline goes before them.
pub const META_DATE: &[&str] = &[
    "dc.date",
    "dcterms.date",
    "citation_date",
    "date",
    "displaydate",
    "datecreated",
];

/// Meta tags naming the last modification, most reliable first.
pub const META_MODIFIED: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "article.updated",
    "modified_time",
];

/// Meta tags naming the publication.
pub const META_SITE_NAME: &[&str] = &[
    "og:site_name",
    "application-name",
    "dc.publisher",
    "citation_journal_title",
    "publisher",
];

/// Meta tags holding a summary of the article.
pub const META_DESCRIPTION: &[&str] = &[
    "og:description",
    "description",
    "twitter:description",
    "dc.description",
    "dcterms.abstract",
];

/// Meta tags holding the lead image.
pub const META_IMAGE: &[&str] = &[
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
    "thumbnailurl",
];

/// Meta tags holding the page's URL.
pub const META_URL: &[&str] = &["og:url", "twitter:url", "parsely-link", "dc.identifier"];

/// Meta tags holding topics, one per tag (repeated) or comma-separated.
pub const META_TAGS: &[&str] = &[
    "article:tag",
    "parsely-tags",
    "sailthru.tags",
    "news_keywords",
    "keywords",
    "dc.subject",
];

/// Meta tags naming the language.
pub const META_LANGUAGE: &[&str] = &[
    "content-language",
    "language",
    "dc.language",
    "dcterms.language",
    "og:locale",
];

/// `<title>` separators between headline, section and site name.
pub const TITLE_SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " / ", " \\ ", " > ", " • ", " ~ ",
    " ‹ ", " › ", " || ", " : ", " -- ",
];

/// Ruby annotations: the readings printed small above East Asian words,
/// not part of the text read ("子<rt>こ</rt>ども" reads "子ども").
pub const RUBY_TEXT_TAGS: &[&str] = &["rt", "rp"];

/// Punctuation that joins a site's name to the title without spaces
/// ("…:Site", "…_Site", "…｜Site"); what ends the headline itself (`?`,
/// `!`, quotes, brackets) is not among them.
pub const GLUED_SITE_SEPARATORS: &str = ":：|｜-_–—/／·»";

/// Separators a title may be left ending with, alone after a space, once a
/// part after them is gone ("National Rail Enquiries -"); closing quotes
/// (`»`) are not among them, nor doubled marks framing a name (":: Site ::").
pub const DANGLING_SEPARATORS: &str = ":：|｜-–—/／·";

/// A part of the `<title>` this short (in words) beside a longer one is a
/// site or section name ("Politics", "CBC News", "The Verge").
pub const SITE_PART_MAX_WORDS: usize = 4;

/// A headline shorter than this (in words) is not trusted to be the whole
/// title when cutting parts off (keeps "Review: Dune" whole).
pub const MIN_HEADLINE_WORDS: usize = 3;

/// A page's only `h1` this long (in words) is its headline even when the
/// metadata words the title differently (an SEO title); shorter ones are
/// often a logo or a section name.
pub const LONE_H1_MIN_WORDS: usize = 4;

/// Link targets that lead to a site's front page: an `h1` whose text is all
/// such a link is the site's name or logo over every page, not a headline.
pub const HOME_HREFS: &[&str] = &["/", "./", "#", "index.html", "index.htm", "index.php"];

/// Marks of a permalink printed after a heading (documentation generators
/// add "¶"): not part of the headline.
pub const PERMALINK_MARKS: &[char] = &['¶', '🔗'];

/// A `<title>` part printed as the page's `h1` is the headline from this
/// many words on; one word alone there is mostly a section's name.
pub const PRINTED_H1_PART_MIN_WORDS: usize = 2;

/// Share of words an `h1` and a metadata title must have in common for the
/// `h1` (the title as the page shows it) to win.
pub const TITLE_AGREEMENT: f64 = 0.8;

/// A kicker printed inside the `h1` before the headline ("Klimaschutz",
/// "Nach Corona-Lockerungen") is a short topic line; longer is the headline.
pub const H1_KICKER_MAX_WORDS: usize = 6;

/// A kicker printed in an element of its own before the `h1` (a
/// Dachzeile: "Zweite Tarifrunde des Öffentlichen Dienstes beginnt") may be
/// a short sentence; longer, the element is something else.
pub const KICKER_BEFORE_MAX_WORDS: usize = 12;

/// Class/id fragments of a kicker in an element of its own before the
/// `h1`: only the words that name nothing else (a "category" or "label"
/// before the headline is as often a list of links or a badge).
pub const KICKER_BEFORE_HINTS: &[&str] = &[
    "kicker",
    "dachzeile",
    "spitzmarke",
    "roofline",
    "overline",
    "topline",
    "eyebrow",
    "supertitle",
    "pretitle",
    "overtitle",
    "surtitre",
    "antetitulo",
    "occhiello",
];

/// How many levels up from the `h1` a kicker before it is looked for: the
/// heading's wrapper and the article header holding both.
pub const KICKER_BEFORE_DEPTH: usize = 3;

/// Punctuation a headline never starts with: what is left of a separator
/// when a kicker before it was cut ("Klimaschutz: Bohren…" → "Bohren…").
pub const STRAY_LEADING_MARKS: &str = ":：|｜–—/／·•";

/// The headline left after a kicker is at least this long (in words) and
/// no shorter than the kicker; else the `h1` is read whole.
pub const KICKED_HEADLINE_MIN_WORDS: usize = 2;

/// Class/id fragments of a kicker element inside the `h1`, in the usual
/// words (German "Dachzeile", "Spitzmarke"; "roofline", "eyebrow").
pub const KICKER_HINTS: &[&str] = &[
    "kicker",
    "dachzeile",
    "spitzmarke",
    "roofline",
    "overline",
    "topline",
    "eyebrow",
    "topic",
    "label",
    "category",
    "rubric",
    "subtitle",
    "sub-heading",
    "subheading",
    "supertitle",
    "pretitle",
];

/// Class/id fragments of the element holding the headline proper after a
/// kicker inside the `h1`.
pub const HEADLINE_PART_HINTS: &[&str] = &["headline", "title"];

/// Class/id fragments of text hidden from sight but kept for screen readers
/// (the ": " between a kicker and the headline).
pub const HIDDEN_HINTS: &[&str] = &[
    "hidden",
    "invisible",
    "sr-only",
    "screen-reader",
    "visuallyhidden",
    "offscreen",
];

/// Class/id fragments of text only screen readers get: inside the `h1`
/// it is not part of the headline shown (" | Site name"). Narrower than
/// [`HIDDEN_HINTS`], whose bare "hidden" also names responsive hiding.
pub const SCREEN_READER_HINTS: &[&str] = &[
    "element-invisible",
    "visually-hidden",
    "visuallyhidden",
    "sr-only",
    "screen-reader",
    "offscreen",
];

/// Class/id fragments of a subtitle printed at the end of the `h1` (also
/// any trailing `<small>`): not part of the headline.
pub const SUBLINE_HINTS: &[&str] = &["subtitle", "sub-title"];

/// Words in a leading `<title>` part that mark it as a section ("Opinion | …").
pub const SECTION_WORDS: &[&str] = &[
    "opinion",
    "analysis",
    "review",
    "reviews",
    "live",
    "breaking",
    "exclusive",
    "video",
    "watch",
    "podcast",
    "editorial",
    "comment",
    "news",
    "sport",
    "sports",
    "politics",
    "business",
    "world",
    "tech",
    "technology",
    "culture",
    "science",
    "health",
    "travel",
    "entertainment",
    "lifestyle",
    "photos",
    "gallery",
    "interview",
    "commentary",
    "blog",
    // "Site » Blog Archive » Post", a common blog theme's title.
    "archive",
    "archives",
    "archiv",
];

/// Class or id fragment of an area holding readers' comments, whose names
/// are the commenters', never the author's.
pub const COMMENT_AREA_HINT: &str = "comment";

/// Class or id fragments of elements that hold the author's name.
pub const BYLINE_HINTS: &[&str] = &[
    "byline",
    "author",
    "autor",
    "auteur",
    "writer",
    "creator",
    "reporter",
    "contributor",
    "posted-by",
    "postedby",
    "journalist",
    "firma",
    "signature",
];

/// Class or id fragments of author elements that are not the byline: bios,
/// avatars, "more from this author" lists.
pub const BYLINE_NOT_HINTS: &[&str] = &[
    "bio",
    "avatar",
    "image",
    "img",
    "photo",
    "thumb",
    "description",
    "about",
    "more",
    "social",
    "follow",
    "twitter",
    "email",
    "box",
    "card",
    "info-text",
    "comment",
    "authority",
];

/// Class or id fragments of elements that hold the article's date.
pub const DATE_HINTS: &[&str] = &[
    "date",
    "time",
    "publish",
    "posted",
    "dateline",
    "timestamp",
    "byline",
    "meta",
    "pubdate",
    "datum",
    "fecha",
    "info",
    "author",
];

/// Words of class or id names (split at `-`, `_` and camelCase) marking page
/// areas whose names and dates are not the article's: navigation, related
/// lists, comments, sidebars, footers.
pub const FOREIGN_AREA_HINTS: &[&str] = &[
    "comment",
    "comments",
    "related",
    "recommended",
    "recommendations",
    "sidebar",
    "widget",
    "popular",
    "trending",
    "footer",
    "menu",
    "newsletter",
    "more stories",
    "most read",
    "mostread",
    "read more",
    "breadcrumb",
    "breadcrumbs",
    "share",
    "sharing",
    "social",
    "navigation",
    "nav",
    "navbar",
    "cookie",
    "banner",
    "advert",
    "ads",
    "outbrain",
    "taboola",
    "carousel",
    "next post",
    "prev post",
    "pagination",
    "masthead",
    "top bar",
    "topbar",
    "ticker",
    "tag list",
    "tags",
    "promo",
];

/// Words that make a class name describe a layout or the article's own
/// furniture rather than a foreign area ("with-sidebar",
/// "content-sidebar-wrap", "share-byline-timestamp"): such names are not foreign.
pub const FOREIGN_MODIFIER_WORDS: &[&str] = &[
    "has",
    "with",
    "no",
    "wrap",
    "wrapper",
    "layout",
    "container",
    "body",
    "content",
    "byline",
    "author",
    "date",
    "timestamp",
    "dateline",
    "headline",
];

/// Class-name prefixes that name the article's own topics, not a page area:
/// blog engines class the post `category-popular`, `tag-comments`.
pub const TAXONOMY_CLASS_PREFIXES: &[&str] = &["category-", "tag-", "tags-", "topic-"];

/// Of [`FOREIGN_AREA_TAGS`], those that belong to the article when they
/// stand inside an `article` or `main` (its own header, footer and margin
/// column, with date and byline).
pub const ARTICLE_OWN_TAGS: &[&str] = &["footer", "header", "aside"];

/// Elements whose content is never the article's metadata.
pub const FOREIGN_AREA_TAGS: &[&str] = &[
    "nav", "footer", "aside", "script", "style", "noscript", "template", "select", "button", "form",
];

/// Path parts of links to an author's page ("/author/jane-doe"): the link's
/// text near the headline names the author.
pub const AUTHOR_LINK_PATHS: &[&str] = &[
    "/author/",
    "/authors/",
    "/autor/",
    "/autoren/",
    "/auteur/",
    "/auteurs/",
    "/autore/",
    "/editors/",
    "/writer/",
    "/writers/",
    "/journalist/",
    "/journalists/",
    "/reporter/",
    "/reporters/",
    "/redakteur/",
    "/columnist/",
    "/columnists/",
    "/byline/",
];

/// Labels of the line crediting the text's source ("Quelle: dpa"): when no
/// author is named, the credited source is the byline.
pub const SOURCE_LABELS: &[&str] = &["quelle:", "source:", "fuente:", "fonte:"];

/// Longest source credit, in characters: longer, the line is a sentence
/// citing a source, not a credit.
pub const MAX_SOURCE_CREDIT_CHARS: usize = 40;

/// Words that introduce a byline, in the languages we read (lowercase;
/// matched longest first).
pub const BYLINE_PREFIXES: &[&str] = &[
    "written by",
    "posted by",
    "reported by",
    "reporting by",
    "words by",
    "text by",
    "story by",
    "article by",
    "published by",
    "by",
    "von",
    "par",
    "por",
    "di",
    "door",
    "af",
    "av",
    "przez",
    "autor:",
    "autorin:",
    "autor",
    "autorin",
    "auteur :",
    "auteur:",
    "author:",
    "authors:",
    "text:",
    "texto:",
    "автор:",
    "авторы:",
    "автор",
    "текст:",
    "by:",
    "text von",
    "ein artikel von",
    "artikel von",
    "ein beitrag von",
    "beitrag von",
    "geschrieben von",
    "verfasst von",
    "escrito por",
    "publicado por",
    "écrit par",
    "rédigé par",
    "scritto da",
    "a cura di",
    "von:",
    "autoría:",
    "escrito por:",
    "text und fotos:",
    "text und fotos von",
    "text & fotos:",
    "text und interview:",
    "interview:",
    "redaktion:",
    "eingestellt von",
    "gespeichert von",
    "autoren:",
    "autoren",
    "erstellt von",
    "thread starter",
    "themenstarter",
    "作者：",
    "作者:",
    "责任编辑：",
    "責任編輯：",
];

/// Of [`BYLINE_PREFIXES`], those that may stand inside a short line ("Posted
/// on May 3, 2021 by Jane Doe").
pub const BYLINE_INNER_WORDS: &[&str] = &["by", "von", "par", "por", "door", "przez"];

/// Longest line (in words) in which a byline word may stand mid-line
/// without a date beside it: longer, it is a sentence ("designed by Gehry").
pub const BYLINE_INNER_MAX_WORDS: usize = 10;

/// Words that end a byline: what follows is a date, a role or the publisher.
pub const BYLINE_STOP_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "on",
    "am",
    "le",
    "el",
    "il",
    "em",
    "photo",
    "photos",
    "photograph",
    "illustration",
    "illustrations",
    "foto",
    "fotos",
    "bilder",
    "video",
    "follow",
    "email",
    "contact",
    "read",
    "min",
    "minutes",
    "share",
    "tweet",
    "veröffentlicht",
    "aktualisiert",
    "publiziert",
    "erschienen",
    "datum",
    "stand",
    "quelle",
    "publié",
    "publicado",
    "pubblicato",
    "опубликовано",
    "обновлено",
    "for",
    "|",
    "•",
    "—",
    "·",
    "about",
    "view",
    "more",
    "staff",
    "special",
    "with",
    "in",
    "at",
    "under",
    "symbolbild",
];

/// Job titles and roles that follow a name in a byline ("Jane Doe, Senior
/// Writer"); a name part holding one of them is dropped.
pub const BYLINE_ROLE_WORDS: &[&str] = &[
    "writer",
    "reporter",
    "editor",
    "correspondent",
    "contributor",
    "columnist",
    "journalist",
    "producer",
    "analyst",
    "author",
    "senior",
    "chief",
    "associate",
    "deputy",
    "managing",
    "executive",
    "photographer",
    "intern",
    "fellow",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "correspondant",
    "correspondante",
    "корреспондент",
    "contributing",
    "special",
    "guest",
    "staff",
    "editor-in-chief",
    "reporters",
    "writers",
    "editors",
    "contributors",
    "herausgeber",
    "herausgeberin",
    "desk",
    "trainee",
    "volontär",
    "volontärin",
    "praktikant",
    "praktikantin",
    "online-redakteur",
    "online-redakteurin",
    "rédacteur",
    "rédactrice",
    "journaliste",
    "photographe",
    "periodista",
    "redactor",
    "redactora",
    "corresponsal",
    "fotógrafo",
    "fotógrafa",
    "giornalista",
    "redattore",
    "redattrice",
    "fotograf",
    "fotografin",
];

/// Words that mark a byline part as an organization, not a person
/// ("Jane Doe; Condé Nast", "Associated Press"): such a part is dropped.
pub const ORGANIZATION_WORDS: &[&str] = &[
    "news",
    "agency",
    "press",
    "media",
    "magazine",
    "newsroom",
    "inc",
    "ltd",
    "llc",
    "gmbh",
    "nast",
    "group",
    "network",
    "online",
    "digital",
    "times",
    "post",
    "daily",
    "tribune",
    "herald",
    "journal",
    "gazette",
    "bureau",
    "service",
    "services",
    "wire",
    "wires",
    "reuters",
    "afp",
    "ap",
    "dpa",
    "bbc",
    "cnn",
    "associated",
    "partner",
    "redaktion",
    "rédaction",
    "redacción",
    "redazione",
    "редакция",
    "desk",
    "team",
    "staff",
    ".com",
    "e.v",
    "stiftung",
    "verband",
    "verein",
    "magazin",
    "institut",
    "ministerium",
    "editorial",
    "verlag",
    "organization",
    "organisation",
    "foundation",
    "projects",
];

/// What ends a full name printed at the start of an author box's line
/// ("Jane Doe - engineer, rider", "Jane Doe, editor").
pub const FULL_NAME_ENDS: &[&str] = &[" - ", " – ", " — ", ", ", " | ", ": ", " ("];

/// Words that end a time of day ("13:30 Uhr", "9:00 pm"): a byline word
/// after one follows the date.
pub const TIME_WORDS: &[&str] = &["uhr", "am", "pm", "a.m.", "p.m.", "h"];

/// Names of the days of the week, in the languages we read (lowercase): the
/// word before a date in a byline ("Donnerstag, 4. November 2021") is no
/// name.
pub const WEEKDAY_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonnabend",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "domenica",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];

/// Account names that stand where an author's name should but name nobody
/// ("admin", "No Author"): such a name is no byline.
pub const NOT_AUTHOR_NAMES: &[&str] = &[
    "admin",
    "administrator",
    "webmaster",
    "unknown",
    "anonymous",
    "no author",
    "none",
    "n/a",
];

/// Dates before this year are not a web page's publication (htmldate's
/// lower bound): a history's dates, a founding year.
pub const MIN_PLAUSIBLE_YEAR: i32 = 1995;

/// A date in running text dates the page, when nothing else does, only
/// when written this often (once is an event the article tells of).
pub const MIN_REPEATS_IN_TEXT: usize = 2;

/// Longest word in capitals that is an agency's or a broadcaster's short
/// form ("AFP", "NDR"), not a place or section printed in capitals.
pub const SHOUTED_SHORT_FORM_MAX_LETTERS: usize = 3;

/// Labels that stand where a byline's name should, in the languages we read
/// (lowercase, matched at the start): an author box's heading names nobody.
pub const AUTHOR_LABEL_PHRASES: &[&str] = &[
    "about the author",
    "about the authors",
    "authors list",
    "author list",
    "list of authors",
    "all authors",
    "more from the author",
    "more by this author",
    "follow author",
    "follow the author",
    "über den autor",
    "über die autorin",
    "über die autoren",
    "zum autor",
    "zur autorin",
    "mehr vom autor",
    "à propos de l'auteur",
    "à propos de l’auteur",
    "a propos de l'auteur",
    "sobre el autor",
    "sobre la autora",
    "sobre o autor",
    "sobre a autora",
    "informazioni sull'autore",
    "sull'autore",
    "over de auteur",
    "om författaren",
    "om forfatteren",
    "o autorze",
    "o autorovi",
    "об авторе",
    "yazar hakkında",
];

/// Words that open a picture or agency credit ("Foto: Jane Doe / dpa"),
/// lowercase, followed by a colon or ©: what follows is no byline.
pub const CREDIT_LABELS: &[&str] = &[
    "photo",
    "photos",
    "foto",
    "fotos",
    "bild",
    "bilder",
    "image",
    "picture",
    "credit",
    "credits",
    "crédit",
    "crédits",
    "quelle",
    "source",
    "fuente",
    "fonte",
    "copyright",
];

/// Platforms named where an author should be ("Facebook"): a share button's
/// text, not a person (lowercase, the whole name).
pub const PLATFORM_NAMES: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "instagram",
    "youtube",
    "linkedin",
    "tiktok",
    "whatsapp",
    "pinterest",
    "telegram",
    "reddit",
    "xing",
    "threads",
    "mastodon",
    "flipboard",
    "e-mail",
    "email",
];

/// Words that, standing before "by"/"von" in a line, make what follows a
/// picture or design credit ("Photo by Jane Doe"), not the article's byline.
pub const CREDIT_WORDS: &[&str] = &[
    "photo",
    "photos",
    "photograph",
    "image",
    "images",
    "picture",
    "illustration",
    "illustrated",
    "video",
    "graphic",
    "graphics",
    "map",
    "cover",
    "design",
    "designed",
    "foto",
    "fotos",
    "bild",
    "bilder",
    "grafik",
    "karte",
];

/// Separators between the parts of a dated line ("04.02.2022 | 13:10 | Jane
/// Doe", "25.10.2022 - Jane Doe"): a part beside the date may be the byline.
pub const DATED_LINE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " • ", " · "];

/// Most parts a dated line may have to be read for a byline: more, it is a
/// list of teasers or a footer.
pub const DATED_LINE_MAX_PARTS: usize = 4;

/// Most words of a full name as bylines print it ("Jane Doe", "Anna Maria
/// de Vries"): a longer text beside a byline word is a sentence.
pub const FULL_NAME_MAX_WORDS: usize = 4;

/// Shortest handle taken after "von"/"by" inside a dated line ("… 2014 von
/// jdoe"): shorter words there are pronouns ("von uns").
pub const INNER_HANDLE_MIN_CHARS: usize = 4;

/// Longest lowercase word read as an editor's initials beside an agency
/// ("det/dpa"): such a word is no name.
pub const AGENCY_INITIALS_MAX_CHARS: usize = 4;

/// Shortest handle (user name in one word, "gizzmo") taken from an element
/// marked as the author's.
pub const MIN_HANDLE_CHARS: usize = 3;

/// The word joining the last two of several authors, by language (primary
/// subtag): "A, B and C", "A, B und C". Languages not listed join with commas.
pub const AUTHOR_CONJUNCTIONS: &[(&str, &str)] = &[
    ("en", "and"),
    ("de", "und"),
    ("fr", "et"),
    ("es", "y"),
    ("it", "e"),
    ("pt", "e"),
    ("nl", "en"),
    ("sv", "och"),
    ("da", "og"),
    ("no", "og"),
    ("nb", "og"),
    ("pl", "i"),
    ("ru", "и"),
];

/// Name particles written in lowercase inside person names.
pub const BYLINE_NAME_PARTICLES: &[&str] = &[
    "de", "la", "le", "du", "des", "da", "das", "do", "dos", "di", "del", "della", "van", "von",
    "der", "den", "ten", "ter", "zu", "bin", "ibn", "al", "el", "y", "e", "st.", "mc",
];

/// Elements that start a new line of text: the text-line view of the page
/// searches a byline or a date line by line.
pub const LINE_BREAK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// Elements whose text is never visible.
pub const INVISIBLE_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object",
];

/// Most tags kept: more is a keyword dump, not topics.
pub const MAX_TAGS: usize = 30;

/// Separators between several authors in one byline.
pub const AUTHOR_SEPARATORS: &[&str] = &[
    ",",
    ";",
    " and ",
    " & ",
    " und ",
    " et ",
    " y ",
    " e ",
    " en ",
    " og ",
    " och ",
    " i ",
    " и ",
    " та ",
    " ve ",
    " dan ",
    "、",
    "/",
    " (with ",
    " (avec ",
    " (mit ",
    " (con ",
    " (com ",
    " (met ",
    " im Gespräch mit ",
    " in conversation with ",
];

/// Words opening a bracket of co-authors after a byline ("Martin Untersinger
/// (avec Damien Leloup et Morgane Tual)"): names, not a description to drop.
pub const CO_AUTHOR_WORDS: &[&str] = &["with", "avec", "mit", "con", "com", "met"];

/// Longest plausible person name, in words ("Michelina C. de la Maza").
pub const MAX_NAME_WORDS: usize = 6;

/// Longest plausible byline, in characters: longer text is a bio or a paragraph.
pub const MAX_BYLINE_CHARS: usize = 200;

/// Most authors a byline may list before it is taken for a list of names
/// that is not a byline (a team page, a comment thread).
pub const MAX_AUTHORS: usize = 30;

/// Words that mark a date as a later update, not the publication, in the
/// languages we read (lowercase).
pub const UPDATED_WORDS: &[&str] = &[
    "updated",
    "update",
    "last update",
    "last updated",
    "modified",
    "edited",
    "revised",
    "aktualisiert",
    "geändert",
    "zuletzt",
    "mis à jour",
    "modifié",
    "mise à jour",
    "actualizado",
    "actualización",
    "atualizado",
    "aggiornato",
    "обновлено",
    "обновлен",
    "изменено",
    "оновлено",
    "bijgewerkt",
    "zaktualizowano",
    "güncellendi",
    "更新",
];

/// Words that mark a date as the publication (lowercase).
pub const PUBLISHED_WORDS: &[&str] = &[
    "published",
    "posted",
    "veröffentlicht",
    "erschienen",
    "publiziert",
    "publié",
    "mis en ligne",
    "mise en ligne",
    "publicado",
    "pubblicato",
    "опубликовано",
    "опубліковано",
    "gepubliceerd",
    "opublikowano",
    "yayınlandı",
    "發佈",
    "公開",
];

/// How many text lines after the headline are searched for a byline or a
/// date: they sit right under it; farther down, dates belong to other things.
pub const LINES_AFTER_HEADLINE: usize = 25;

/// How many text lines before the headline may still hold its byline or
/// date (pages that put the kicker, date and byline above the `h1`).
pub const LINES_BEFORE_HEADLINE: usize = 6;

/// Longest text line searched for a date or byline: longer lines are
/// running text, whose dates are the story's, not the article's.
pub const MAX_META_LINE_CHARS: usize = 160;

/// Longest line taken for the label of a date that opens the next line
/// ("Erschienen am:" above "13.10.2021"): longer, it is text of its own.
pub const DATE_LABEL_MAX_CHARS: usize = 40;

/// Most words a dateline may put before its date ("Pressemitteilung vom",
/// "Berlin,"): more, and the date is the story's.
pub const DATELINE_MAX_WORDS_BEFORE: usize = 3;

/// Marks that set a dateline's date off from the story after it.
pub const DATELINE_SEPARATORS: &[char] = &['–', '—', '-', '|', ')', ']', '/', '•', '·'];

/// Oldest and newest years accepted as an article's date.
pub const MIN_YEAR: i32 = 1990;
/// See [`MIN_YEAR`].
pub const MAX_YEAR: i32 = 2099;

/// Century added to two-digit years ("05.02.20" is 2020).
pub const TWO_DIGIT_CENTURY: i32 = 2000;

/// Digit counts of Unix timestamps in seconds and milliseconds (2001–2286).
pub const UNIX_SECONDS_DIGITS: &[usize] = &[10, 13];

/// Farthest real time zones east and west of UTC, in hours (Kiribati at
/// +14, Baker Island at -12): a printed date further off a UTC stamp is
/// another date, not the same moment.
pub const MAX_OFFSET_EAST_HOURS: u32 = 14;
/// See [`MAX_OFFSET_EAST_HOURS`].
pub const MAX_OFFSET_WEST_HOURS: u32 = 12;

/// Languages that write all-numeric dates month first (`02/05/2020` = Feb 5).
pub const MONTH_FIRST_LANGUAGES: &[&str] = &["en"];

/// English variants that write the day first despite [`MONTH_FIRST_LANGUAGES`].
pub const DAY_FIRST_EXCEPTIONS: &[&str] = &[
    "en-gb", "en-au", "en-nz", "en-ie", "en-in", "en-za", "en-ng", "en-ke", "en-sg", "en-pk",
];

/// Time zone abbreviations pages print after a time, with their offset in hours.
pub const ZONE_ABBREVIATIONS: &[(&str, f32)] = &[
    ("Z", 0.0),
    ("UTC", 0.0),
    ("GMT", 0.0),
    ("EST", -5.0),
    ("EDT", -4.0),
    ("CST", -6.0),
    ("CDT", -5.0),
    ("MST", -7.0),
    ("MDT", -6.0),
    ("PST", -8.0),
    ("PDT", -7.0),
    ("ET", -5.0),
    ("PT", -8.0),
    ("CET", 1.0),
    ("CEST", 2.0),
    ("MEZ", 1.0),
    ("MESZ", 2.0),
    ("BST", 1.0),
    ("WET", 0.0),
    ("WEST", 1.0),
    ("EET", 2.0),
    ("EEST", 3.0),
    ("MSK", 3.0),
    ("JST", 9.0),
    ("KST", 9.0),
    ("AEST", 10.0),
    ("AEDT", 11.0),
    ("HKT", 8.0),
    ("SGT", 8.0),
];

/// Month names and abbreviations in the languages we read (lowercase), with
/// their number.
pub const MONTH_NAMES: &[(&str, u32)] = &[
    ("ene", 1),
    ("enero", 1),
    ("gen", 1),
    ("gennaio", 1),
    ("jan", 1),
    ("janeiro", 1),
    ("januar", 1),
    ("januari", 1),
    ("january", 1),
    ("janv", 1),
    ("janvier", 1),
    ("jän", 1),
    ("jänner", 1),
    ("ocak", 1),
    ("stycznia", 1),
    ("січня", 1),
    ("янв", 1),
    ("январь", 1),
    ("января", 1),
    ("қаңтар", 1),
    ("feb", 2),
    ("febbraio", 2),
    ("febrero", 2),
    ("februar", 2),
    ("februari", 2),
    ("february", 2),
    ("fev", 2),
    ("fevereiro", 2),
    ("fevrier", 2),
    ("fév", 2),
    ("févr", 2),
    ("février", 2),
    ("lutego", 2),
    ("şubat", 2),
    ("ақпан", 2),
    ("лютого", 2),
    ("фев", 2),
    ("февраль", 2),
    ("февраля", 2),
    ("maart", 3),
    ("maerz", 3),
    ("mar", 3),
    ("marca", 3),
    ("march", 3),
    ("mars", 3),
    ("mart", 3),
    ("marts", 3),
    ("marzo", 3),
    ("março", 3),
    ("mrt", 3),
    ("mär", 3),
    ("märz", 3),
    ("березня", 3),
    ("мар", 3),
    ("март", 3),
    ("марта", 3),
    ("наурыз", 3),
    ("abr", 4),
    ("abril", 4),
    ("apr", 4),
    ("april", 4),
    ("aprile", 4),
    ("avr", 4),
    ("avril", 4),
    ("kwietnia", 4),
    ("nisan", 4),
    ("апр", 4),
    ("апрель", 4),
    ("апреля", 4),
    ("квітня", 4),
    ("сәуір", 4),
    ("mag", 5),
    ("maggio", 5),
    ("mai", 5),
    ("maio", 5),
    ("maj", 5),
    ("maja", 5),
    ("may", 5),
    ("mayo", 5),
    ("mayıs", 5),
    ("mei", 5),
    ("май", 5),
    ("мамыр", 5),
    ("мая", 5),
    ("травня", 5),
    ("czerwca", 6),
    ("giu", 6),
    ("giugno", 6),
    ("haziran", 6),
    ("juin", 6),
    ("jun", 6),
    ("june", 6),
    ("junho", 6),
    ("juni", 6),
    ("junio", 6),
    ("июн", 6),
    ("июнь", 6),
    ("июня", 6),
    ("маусым", 6),
    ("червня", 6),
    ("juil", 7),
    ("juillet", 7),
    ("jul", 7),
    ("julho", 7),
    ("juli", 7),
    ("julio", 7),
    ("july", 7),
    ("lipca", 7),
    ("lug", 7),
    ("luglio", 7),
    ("temmuz", 7),
    ("июл", 7),
    ("июль", 7),
    ("июля", 7),
    ("липня", 7),
    ("шілде", 7),
    ("ago", 8),
    ("agosto", 8),
    ("aout", 8),
    ("août", 8),
    ("aug", 8),
    ("august", 8),
    ("augusti", 8),
    ("augustus", 8),
    ("ağustos", 8),
    ("sierpnia", 8),
    ("авг", 8),
    ("август", 8),
    ("августа", 8),
    ("серпня", 8),
    ("тамыз", 8),
    ("eylül", 9),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("września", 9),
    ("вересня", 9),
    ("сен", 9),
    ("сентябрь", 9),
    ("сентября", 9),
    ("қыркүйек", 9),
    ("ekim", 10),
    ("oct", 10),
    ("october", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("okt", 10),
    ("oktober", 10),
    ("ott", 10),
    ("ottobre", 10),
    ("out", 10),
    ("outubro", 10),
    ("października", 10),
    ("жовтня", 10),
    ("окт", 10),
    ("октябрь", 10),
    ("октября", 10),
    ("қазан", 10),
    ("kasım", 11),
    ("listopada", 11),
    ("nov", 11),
    ("november", 11),
    ("novembre", 11),
    ("novembro", 11),
    ("noviembre", 11),
    ("листопада", 11),
    ("ноя", 11),
    ("ноябрь", 11),
    ("ноября", 11),
    ("қараша", 11),
    ("aralık", 12),
    ("dec", 12),
    ("december", 12),
    ("decembre", 12),
    ("dez", 12),
    ("dezember", 12),
    ("dezembro", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("diciembre", 12),
    ("déc", 12),
    ("décembre", 12),
    ("grudnia", 12),
    ("грудня", 12),
    ("дек", 12),
    ("декабрь", 12),
    ("декабря", 12),
    ("желтоқсан", 12),
];

/// A date in the page's URL path (`/2020/02/05/`), the last resort for the
/// publication date.
pub const URL_DATE: &str = r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)";

/// A path part of the page's URL that is a date with the year last
/// (`/29-10-2021`, `/29.10.2021.html`), after [`URL_DATE`].
pub const URL_DATE_YEAR_LAST: &str = r"/(\d{1,2}[-.]\d{1,2}[-.](?:19|20)\d{2})(?:/|\.html?|$|[?#])";

// ---- content ---------------------------------------------------------------

/// Placeholders scrapers leave where a caption or paragraph was empty.
pub const PLACEHOLDER_TEXTS: &[&str] = &["none", "null", "undefined", "nan"];

/// Elements whose content is never article text: code, styling, embedded
/// documents, form controls, the document head, and ruby annotations (the
/// reading printed over a word, which would split the sentence's own text).
pub const SKIP_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "frame", "frameset", "svg",
    "button", "select", "textarea", "input", "option", "object", "embed", "canvas", "audio",
    "video", "map", "link", "meta", "dialog", "rt", "rp",
];

/// Page furniture by element name: navigation, side notes and page footers
/// hold links and boilerplate, never the story.
pub const FURNITURE_TAGS: &[&str] = &["nav", "aside", "footer", "menu"];

/// ARIA roles of page furniture (menus, side panels, alerts, pop-ups).
pub const FURNITURE_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
    "banner",
    "contentinfo",
    "search",
];

/// Elements that start a new block: anything holding one of these is a
/// container, not a run of inline text.
pub const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "ul",
    "summary",
    "menu",
];

/// Class/id fragments of blocks that are almost never the article (menus,
/// comments, share bars, sponsored boxes); dropped before scoring unless the
/// name also says "article"/"content" (see [`MAYBE_CANDIDATE_HINTS`]).
pub const UNLIKELY_HINTS: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumb",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "cookie",
    "newsletter",
    "consent",
];

/// Class fragments of the card a page pops up over a link (a preview of the
/// linked story, an author's bio): inside a link, after its text, it is not
/// the link's text.
pub const HOVER_CARD_HINTS: &[&str] = &[
    "tooltip",
    "popover",
    "hovercard",
    "hover-card",
    "preview",
    "flyout",
];

/// Class/id fragments that rescue an unlikely-looking block: wrappers named
/// after the article or its content often also carry a layout word.
pub const MAYBE_CANDIDATE_HINTS: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];

/// Class/id fragments that lower a block's score: metadata, promotions,
/// widgets and other furniture.
pub const NEGATIVE_HINTS: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "newsletter",
    "subscribe",
];

/// Class/id fragments that raise a block's score: the usual names of article
/// and post bodies.
pub const POSITIVE_HINTS: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

/// Class/id fragments of clutter inside the article container (teasers,
/// sign-up boxes, author bios, bylines, tag lists, share bars, credits,
/// disclaimers, calls to action, consent placeholders of embeds);
/// removed when the block is small (see [`CLUTTER_MAX_CHARS`]).
pub const CLUTTER_HINTS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "newsletter",
    "subscribe",
    "signup",
    "sign-up",
    "related",
    "recommend",
    "read-more",
    "readmore",
    "read-also",
    "more-stories",
    "more-news",
    "teaser",
    "tag-list",
    "taglist",
    "tags",
    "author-bio",
    "authorbio",
    "author-box",
    "author-info",
    "about-author",
    "byline",
    "dateline",
    "timestamp",
    "credit",
    "copyright",
    "advert",
    "ad-slot",
    "adslot",
    "ad-unit",
    "ad-container",
    "sponsor",
    "promo",
    "paywall",
    "cookie",
    "consent",
    "print",
    "toolbar",
    "breadcrumb",
    "rating",
    "comments",
    "nocontent",
    "disclaimer",
    "disclosure",
    "affiliate",
    "notice",
    "privacy",
    "cta",
    "linkbox",
    "factbox",
    "donate",
    "bio",
    "poll",
    "polls",
    "vote",
    "voting",
    "survey",
];

/// A form with this many answer controls (buttons, text areas, radio,
/// checkbox or submit inputs) is a poll, a vote or a comment form, not a
/// search box or a sign-up field (one field and its button).
pub const POLL_MIN_CHOICES: u32 = 2;

/// Labels of a post's tags or category (lowercase), which a time line may
/// end with after a bar ("Published: Nov. 1, 2012 | Tags: NFL").
pub const POST_TAXONOMY_LABELS: &[&str] = &[
    "tags:",
    "tagged:",
    "filed under:",
    "category:",
    "categories:",
    "topics:",
    "schlagwörter:",
    "kategorie:",
    "étiquettes:",
    "catégorie:",
    "etiquetas:",
    "categoría:",
];

/// Punctuation between the parts of a time line ("updated 5:08 PM EDT, Thu
/// November 1, 2012 | 14:00").
pub const TIME_LINE_SEPARATORS: &[char] = &[',', '|', ':', '·', '•', '–', '—', '(', ')', '/'];

/// The small words of a time line, between its numbers and names ("on",
/// "at", "hours ago", "vom", "à", "a las").
pub const TIME_LINE_WORDS: &[&str] = &[
    "on",
    "at",
    "ago",
    "hour",
    "hours",
    "minute",
    "minutes",
    "min",
    "mins",
    "day",
    "days",
    "today",
    "yesterday",
    "um",
    "am",
    "vom",
    "seit",
    "le",
    "à",
    "el",
    "a",
    "las",
    "de",
    "il",
    "alle",
    "op",
    "om",
    "th",
    "st",
    "nd",
    "rd",
    "-",
];

/// A caption printed up to this many times over is one caption said again
/// (copies for screen sizes and screen readers), not a text of its own.
pub const MAX_CAPTION_REPEATS: usize = 4;

/// A line printed more often than a caption is said again is boilerplate
/// when it has at least this many words: shorter ones ("link", "(Artist:
/// Ann Lee)") are the page's own labels of its items.
pub const BOILERPLATE_MIN_WORDS: usize = 4;

/// A line ending in a colon up to this long is a label introducing what
/// follows ("Vote in our poll:"), not a sentence introducing a quotation.
pub const LABEL_MAX_CHARS: usize = 40;

/// Clutter blocks are small: a block with more text than this is kept even
/// when its name looks like clutter (the body wrapper may be called
/// "post-share-container").
pub const CLUTTER_MAX_CHARS: usize = 600;

/// Without any other cleaning, a block named as clutter still goes when
/// more of its text than this is links (share bars, related posts)…
pub const NAMED_CLUTTER_LINK_DENSITY: f32 = 0.3;

/// …or when it is shorter than this (a "Like" button, a rating).
pub const NAMED_CLUTTER_SHORT_CHARS: usize = 80;

/// Score given to a candidate for its element name (a `div` usually wraps
/// paragraphs, a list item or heading rarely wraps a story).
pub const TAG_BASE_SCORES: &[(&str, f32)] = &[
    ("div", 5.0),
    ("article", 5.0),
    ("section", 3.0),
    ("main", 3.0),
    ("pre", 3.0),
    ("td", 3.0),
    ("blockquote", 3.0),
    ("address", -3.0),
    ("ol", -3.0),
    ("ul", -3.0),
    ("dl", -3.0),
    ("dd", -3.0),
    ("dt", -3.0),
    ("li", -3.0),
    ("form", -3.0),
    ("h1", -5.0),
    ("h2", -5.0),
    ("h3", -5.0),
    ("h4", -5.0),
    ("h5", -5.0),
    ("h6", -5.0),
    ("th", -5.0),
];

/// Weight of one positive or negative class/id hint on a candidate's score.
pub const CLASS_WEIGHT: f32 = 25.0;

/// Elements whose text is scored as a paragraph (plus divs holding only
/// inline content, which act as paragraphs on many sites).
pub const SCORED_TAGS: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// Shorter texts are captions, labels or buttons, not evidence of a body.
pub const MIN_PARAGRAPH_CHARS: usize = 25;

/// Each comma of a paragraph adds a point, up to this many: a list of
/// names or figures in one block must not outweigh the article's paragraphs.
pub const MAX_COMMA_POINTS: u32 = 20;

/// Each full 100 characters of a paragraph adds one point, up to this many:
/// long paragraphs matter, but one essay-sized blurb must not win alone.
pub const MAX_LENGTH_POINTS: f32 = 3.0;

/// Characters per length point.
pub const CHARS_PER_POINT: usize = 100;

/// How many ancestors of a paragraph share its score (parent fully,
/// grandparent half, then a third per level).
pub const SCORE_ANCESTOR_LEVELS: usize = 5;

/// What a paragraph's points are divided by on their way up, as Readability
/// does: whole for the parent, half for the grandparent, then a third of the
/// level further up (the farther, the less the ancestor is the article).
pub const PARENT_SCORE_DIVIDER: f32 = 1.0;
pub const GRANDPARENT_SCORE_DIVIDER: f32 = 2.0;
pub const FAR_ANCESTOR_DIVIDER_PER_LEVEL: f32 = 3.0;

/// Commas in several scripts: running prose has them, menus do not.
pub const COMMA_CHARS: &[char] = &[
    ',', '\u{060C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}',
    '\u{FF0C}', '\u{3001}',
];

/// Bonus for elements that declare themselves the article body
/// (`itemprop=articleBody`, `<article>`, `<main>`): markup that rarely lies.
pub const SEMANTIC_BONUS: f32 = 10.0;

/// Number of best candidates compared when deciding whether their common
/// ancestor is the real container.
pub const TOP_CANDIDATES: usize = 5;

/// Runner-up candidates within this share of the best score count as parts
/// of the same article.
pub const ALTERNATIVE_SHARE: f32 = 0.75;

/// An ancestor shared by this many strong runner-ups becomes the container.
pub const MIN_SHARED_ALTERNATIVES: usize = 3;

/// While climbing from the best candidate, stop at an ancestor scoring below
/// this share of the last one.
pub const CLIMB_STOP_SHARE: f32 = 1.0 / 3.0;

/// An ancestor scoring at least this share of the best candidate holds the
/// same article with more of it (the best was a dense part, e.g. a table).
pub const ANCESTOR_CLOSE_SHARE: f32 = 0.9;

/// An element of the chosen container of which the part that scored best
/// is at least this share of the text is that part in its frame, kept
/// through cleaning; a wider one holds other boxes too and is cleaned.
pub const BEST_MIN_SHARE: f32 = 0.5;

/// A sibling of the container joins it when it scores this share of the
/// container's score…
pub const SIBLING_SHARE: f32 = 0.2;

/// …and at least this much.
pub const SIBLING_MIN_SCORE: f32 = 10.0;

/// A paragraph sibling this long with little link text joins the container.
pub const SIBLING_PARAGRAPH_CHARS: usize = 80;

/// Link-text share below which a long paragraph sibling counts as prose.
pub const SIBLING_MAX_LINK_DENSITY: f32 = 0.25;

/// Class/id word beginnings of a readers' discussion (comment threads,
/// reply forms, embedded discussion services): its text is not the article's.
pub const DISCUSSION_HINTS: &[&str] = &["comment", "repl", "respond", "discussion", "disqus"];

/// Words that begin like a discussion hint but name the article's own text
/// (an opinion piece is a "commentary"; "replace", "replay" are not replies).
pub const DISCUSSION_NOT_HINTS: &[&str] = &["commentar", "replace", "replay", "replica"];

/// Words of a heading over readers' comments, plural as such headings put
/// them ("12 comments", "Kommentare", "Hozzászólások"): a singular
/// "Comment" heads an opinion section.
pub const THREAD_HEADING_WORDS: &[&str] = &[
    "comments",
    "responses",
    "replies",
    "kommentare",
    "commentaires",
    "comentarios",
    "comentários",
    "commenti",
    "reacties",
    "hozzászólások",
    "komentarze",
    "komentáře",
    "kommentit",
];

/// A heading of at most this many words that has a thread word is a
/// thread's heading ("Comments", "Reader comments"); a longer one needs a
/// count before the word ("There are 12 comments"), as an article's own
/// subheading may mention comments.
pub const THREAD_HEADING_MAX_WORDS: usize = 3;

/// Class/id words of boxes about a person or the site (an author's bio, a
/// profile card, an "about us" note): beside the article, not more of it.
pub const ABOUT_HINTS: &[&str] = &["about", "bio", "biography", "profile"];

/// A body with fewer teaser headings than this is never read as a list of
/// teasers: a single linked heading may be one "read next" box.
pub const TEASER_MIN_HEADINGS: usize = 2;

/// The share of a body's headings that must be links for it to be a list
/// of teasers (a section or front page), not an article.
pub const TEASER_LINKED_SHARE: f32 = 0.9;

/// A heading whose text is at least this share link text is a link.
pub const TEASER_HEADING_LINK_SHARE: f32 = 0.9;

/// A teaser is a linked heading with at most this many text blocks (a
/// summary, a date line) under it; an article's sections run longer.
pub const TEASER_MAX_BLOCKS: usize = 2;

/// Below this many characters the extraction is retried with fewer
/// removals: the page was probably mis-read.
pub const MIN_ARTICLE_CHARS: usize = 500;

/// When every attempt falls short, a later attempt (with fewer removals)
/// wins only with this many times the text of the best earlier one: the
/// same short article with its clutter kept is not a better reading.
pub const RETRY_GAIN: f32 = 3.0;

/// Blocks with at least this many commas are prose and never conditionally
/// removed.
pub const PROSE_COMMAS: u32 = 10;

/// Link-text share above which an unremarkable block is a link list.
pub const MAX_LINK_DENSITY: f32 = 0.2;

/// Link-text share above which even a positively named block is a link list.
pub const MAX_LINK_DENSITY_POSITIVE: f32 = 0.5;

/// Below this length, a block without images is boilerplate (a label, a
/// date, a button).
pub const MIN_BLOCK_CHARS: usize = 25;

/// An embedded object with less text than this around it is a widget.
pub const EMBED_MAX_CHARS: usize = 75;

/// A block with several pictures and fewer paragraphs than this per
/// picture is a strip of images (teasers, a gallery of links), not prose.
pub const MIN_PARAGRAPHS_PER_IMAGE: f32 = 0.5;

/// A short block whose text is at least this share headings is a heading
/// (kept), not boilerplate.
pub const HEADING_BLOCK_SHARE: f32 = 0.9;

/// A short block with up to this many pictures is a figure (kept); with
/// more, a strip of thumbnails.
pub const SHORT_BLOCK_MAX_IMAGES: u32 = 2;

/// Lazy-loading attributes that hold an image's real address, most specific
/// first.
pub const LAZY_SRC_ATTRS: &[&str] = &[
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-lazy",
    "data-srcset",
    "srcset",
];

/// What a browser's note on a saved page starts with (`<!-- saved from
/// url=(0045)https://… -->`): the one comment a stage reads.
pub const SAVED_FROM_COMMENT: &str = "saved from url=";

/// The attributes some stage reads, sorted; every other attribute is cut
/// from start tags before parsing (event handlers, script data, layout and
/// tracking attributes fill a typical page's tags, and the parser copies
/// every one into the tree). The lazy-image attributes of
/// [`LAZY_SRC_ATTRS`] are kept too. The list also holds those the parser
/// itself reads: `encoding` (MathML's HTML islands), `shadowrootmode` (a
/// template's shadow root), `type` (a hidden input in a table) and
/// `charset`.
pub const READ_ATTRS: &[&str] = &[
    "alt",
    "aria-hidden",
    "charset",
    "class",
    "content",
    "datetime",
    "encoding",
    "hidden",
    "href",
    "http-equiv",
    "id",
    "itemprop",
    "itemtype",
    "lang",
    "name",
    "poster",
    "property",
    "pubdate",
    "rel",
    "role",
    "shadowrootmode",
    "src",
    "srcset",
    "style",
    "title",
    "type",
    "value",
    "xml:lang",
];

/// A `data:` URI shorter than this is a blank placeholder, not a picture.
pub const PLACEHOLDER_DATA_URI_BYTES: usize = 200;

/// Image addresses that name a placeholder rather than a picture.
pub const PLACEHOLDER_IMAGE_HINTS: &[&str] = &["placeholder", "blank.", "spacer", "pixel.", "lazy"];

/// Opening words of "read also" inserts that interrupt a story with a link.
pub const READ_ALSO_PREFIXES: &[&str] = &[
    "read also",
    "also read",
    "read more",
    "see also",
    "related:",
    "more:",
    "читайте также",
    "читайте также:",
    "lesen sie auch",
    "auch lesen",
    "schon gelesen",
    "mehr zum thema",
    "lire aussi",
    "à lire aussi",
    "lisez aussi",
    "leia também",
    "veja também",
    "lee también",
    "lea también",
    "vea también",
    "le puede interesar",
    "te puede interesar",
    "puedes ver:",
    "leggi anche",
    "lees ook",
    "watch:",
    "recommended:",
];

/// Headings over the writer's box after an article (lowercase, without
/// closing dots or colon).
pub const AUTHOR_BOX_HEADINGS: &[&str] = &[
    "about the author",
    "about the authors",
    "about the writer",
    "über den autor",
    "über die autorin",
    "à propos de l'auteur",
    "sobre el autor",
    "sobre o autor",
    "l'autore",
];

/// How a heading naming the writer over the writer's box starts ("Author:
/// Jane Doe", "Written by Jane Doe"), lowercase: prefixes that credit the
/// writer only, not an interview's guest or an editor.
pub const AUTHOR_BOX_PREFIXES: &[&str] = &[
    "author:",
    "written by",
    "posted by",
    "by",
    "autor:",
    "autorin:",
    "auteur :",
    "auteur:",
    "geschrieben von",
    "escrito por",
    "écrit par",
    "scritto da",
];

/// Most words in a heading naming the writer over the box: the name and
/// the box's own links ("Author: Jane Doe Follow Connect").
pub const AUTHOR_BOX_HEADING_MAX_WORDS: usize = 7;

/// How a label over a list of other stories starts ("More from Politics",
/// "Related articles", "Most read"), lowercase; after the article's last
/// long paragraph, such a label over nothing but links ends the article.
pub const OTHER_STORIES_LABELS: &[&str] = &[
    "more from",
    "more on",
    "more in",
    "more stories",
    "more news",
    "more articles",
    "more posts",
    "more like this",
    "more to read",
    "more to explore",
    "related",
    "recommended",
    "popular",
    "most popular",
    "most read",
    "most viewed",
    "trending",
    "you may also",
    "you might also",
    "read next",
    "read more",
    "mehr zum thema",
    "mehr aus",
    "mehr von",
    "weitere artikel",
    "weitere nachrichten",
    "lesen sie auch",
    "das könnte sie auch",
    "auch interessant",
    "meistgelesen",
    "à lire aussi",
    "lire aussi",
    "sur le même sujet",
    "les plus lus",
    "más noticias",
    "te puede interesar",
    "lo más leído",
    "leggi anche",
    "altri articoli",
    "kapcsolódó",
    "további hírek",
    "legolvasottabb",
];

/// The buttons of a comment system printed as a line of their own
/// (lowercase, without the arrows around them).
pub const COMMENT_ACTIONS: &[&str] = &[
    "reply",
    "reply to this comment",
    "report comment",
    "antworten",
    "répondre",
    "responder",
    "rispondi",
    "beantwoorden",
    "odpowiedz",
];

/// The buttons of a share bar printed as a line of their own (lowercase):
/// an action on the page, not text of it.
pub const SHARE_ACTIONS: &[&str] = &[
    "share",
    "share this",
    "share this story",
    "share this article",
    "tweet",
    "pin it",
    "email",
    "e-mail",
    "print",
    "teilen",
    "drucken",
    "partager",
    "imprimer",
    "compartir",
    "imprimir",
    "condividi",
    "stampa",
    "megosztás",
    "nyomtatás",
];

/// How a site's copyright line opens (lowercase): with [`RIGHTS_RESERVED`]
/// in it, the footer's notice, not the article's text.
pub const COPYRIGHT_OPENERS: &[&str] = &["©", "copyright", "(c)"];

/// "All rights reserved" in the languages we read (lowercase).
pub const RIGHTS_RESERVED: &[&str] = &[
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "tutti i diritti riservati",
    "minden jog fenntartva",
];

/// How the notices of a comment system start (lowercase): a removed
/// comment, one held for moderation, a closed thread. A short line that
/// opens so is the discussion's furniture, not the article.
pub const MODERATION_NOTICES: &[&str] = &[
    "this comment has been removed",
    "this comment was removed",
    "this comment was deleted",
    "this comment has been deleted",
    "your comment is awaiting moderation",
    "comments are closed",
    "comments are moderated",
    "comments have been closed",
    "comments have been disabled",
    "commenting is closed",
    "kommentare sind geschlossen",
    "die kommentarfunktion ist geschlossen",
    "les commentaires sont fermés",
    "los comentarios están cerrados",
    "i commenti sono chiusi",
];

/// How the lines a blog prints around every post start (lowercase): its
/// filing ("Posted in News | 7 Comments", "Tags: …"), the links to the
/// neighbouring posts, the feed and trackback notes, the follow and share
/// calls. A short line that opens so is the site's, not the article's.
pub const POST_FURNITURE_PREFIXES: &[&str] = &[
    "posted in ",
    "posted in:",
    "filed under",
    "categories:",
    "tags:",
    "tagged:",
    "tagged with",
    "this entry was posted",
    "this entry was written",
    "you can follow any responses",
    "trackback url",
    "listed below are links to weblogs",
    "previous post",
    "next post",
    "older post",
    "newer post",
    "blog comments powered by",
    "comments powered by",
    "follow us",
    "subscribe to",
    "like us on",
    "share this",
    "leave a reply",
];

/// How a blog signs a post or a comment below it ("Posted by Jane Doe at
/// 10:02 AM"): after the article, such a line is the thread's furniture.
pub const POST_SIGNATURES: &[&str] = &[
    "posted by ",
    "written by ",
    "publié par ",
    "gepostet von ",
    "geschrieben von ",
    "publicado por ",
    "pubblicato da ",
];

/// How a blog template's filing line under a post starts ("This entry was
/// posted on May 3, 2012 and is filed under News …"), lowercase: the
/// post's metadata, not its text.
pub const POST_FILING_LINES: &[&str] = &[
    "this entry was posted",
    "this entry is filed under",
    "this entry was filed under",
];

/// The arrows a blog puts before the previous post's link and after the
/// next one's ("« Older post | Main | Newer post »").
pub const NEIGHBOUR_ARROWS: [char; 2] = ['«', '»'];

/// A line between those arrows is the neighbour posts' links when at least
/// this share of it is linked: a quotation in guillemets is not linked.
pub const NEIGHBOUR_LINK_SHARE: f32 = 0.5;

/// A filing line ("Tags: a, b, c …") of any length goes when at least this
/// share of it is linked: its labels are links, a sentence is not.
pub const FILING_LINK_SHARE: f32 = 0.5;

/// A "read also" insert is short: longer paragraphs starting with those
/// words are prose.
pub const READ_ALSO_MAX_CHARS: usize = 200;

/// Lines announcing a date or update, left over from the page header.
pub const DATELINE_PREFIXES: &[&str] = &[
    "last update",
    "last updated",
    "updated:",
    "updated on",
    "published:",
    "published on",
    "posted on",
    "posted:",
    "aktualisiert am",
    "aktualisiert:",
    "zuletzt aktualisiert",
    "mis à jour le",
    "actualizado el",
];

/// A byline or dateline is one short line.
pub const DATELINE_MAX_CHARS: usize = 120;

/// Text that ends a logo's alternative text ("Newsroom logo").
pub const LOGO_SUFFIXES: &[&str] = &[" logo", " logotype"];

/// Labels an ad slot prints above the ad; alone in a paragraph they are the
/// slot's leftovers, not prose.
pub const AD_LABELS: &[&str] = &[
    "advertisement",
    "advertising",
    "sponsored",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "реклама",
];

/// Class/id fragments of a pull quote: the only side note (`aside`) that is
/// part of the story.
pub const PULL_QUOTE_HINTS: &[&str] = &["pullquote", "pull-quote", "pullout", "pull-out"];

/// Class/id words of a site's logo, a picture that is never the story's.
pub const LOGO_HINTS: &[&str] = &["logo"];

/// A section link printed above the headline ("Économie", "City Hall") is a
/// link of a few words, alone in its paragraph.
pub const KICKER_MAX_WORDS: usize = 4;

/// Class/id fragments of a standfirst (lead) printed above the body, in
/// the languages' usual words (French "chapo", Czech "perex", Spanish
/// "bajada"/"entradilla"/"copete").
pub const LEAD_HINTS: &[&str] = &[
    "standfirst",
    "teaser",
    "chapo",
    "chapeau",
    "perex",
    "abstract",
    "leader",
    "deck",
    "bajada",
    "entradilla",
    "copete",
    "dek",
    "lede",
    "lead",
    "subtitle",
    "subhead",
    "summary",
    "intro",
    "excerpt",
    "einleitung",
    "vorspann",
];

/// A heading printing the headline may differ from it in length by this
/// many characters (white space, a trailing mark) before its text is compared.
pub const HEADLINE_SLACK_CHARS: usize = 3;

/// A pull quote repeats at least this many words of the body: shorter
/// quotations ("Yes.") are too common to be taken for a repeat.
pub const PULL_QUOTE_MIN_WORDS: usize = 4;

/// A lead repeated in the body is one of the article's first paragraphs.
pub const LEAD_ZONE_PARAGRAPHS: usize = 2;

/// Class/id fragments shorter than this match whole words only ("tags" is
/// not "tagstyle"); longer ones also match a word's start ("sharebar").
pub const MIN_PREFIX_HINT: usize = 5;

/// Text holding the metadata description is its lead when at most this
/// many times as long (a kicker before it, the sentence it cut off after it);
/// longer, it is the body around the lead.
pub const DESCRIBED_MAX_GROWTH: usize = 2;

/// …and what comes before the description in it is a kicker of at most
/// this many words ("Heavy defeat for the minister:"), not a headline.
pub const DESCRIBED_KICKER_MAX_WORDS: usize = 6;

/// A standfirst is at least a sentence long.
pub const LEAD_MIN_CHARS: usize = 40;

/// The page's linked data gives the article's text (`articleBody`) in place
/// of the body found when it holds this many times the body's characters:
/// the page shows a teaser or a shell a script fills, not the article.
pub const LINKED_BODY_MIN_RATIO: usize = 2;

/// ... and at least this many characters: a summary in `articleBody` is no
/// article.
pub const LINKED_BODY_MIN_CHARS: usize = 500;

/// …and a few sentences at most: a longer "intro" box is body text.
pub const STANDFIRST_MAX_CHARS: usize = 500;

/// Photo credits and copyright lines are short and carry one of these.
pub const CREDIT_MARKERS: &[&str] = &[
    "©",
    "(c) ",
    "credit:",
    "credits:",
    "crédit",
    "crédito",
    "photo:",
    "photos:",
    "foto:",
    "fotos:",
    "bild:",
    "image:",
    "picture:",
    "quelle:",
    "source:",
    "getty images",
    "istock",
    "shutterstock",
    "all rights reserved",
    "alle rechte vorbehalten",
];

/// A credit line is at most this long (longer text is a caption or prose).
pub const CREDIT_MAX_CHARS: usize = 160;

/// Byline openers ("By Jane Doe", "Von: Max Muster").
pub const BODY_BYLINE_OPENERS: &[&str] = &[
    "by ",
    "von ",
    "von: ",
    "par ",
    "por ",
    "di ",
    "door ",
    "автор:",
    "author:",
    "autor:",
    "text:",
];

/// A byline is a handful of words.
pub const BYLINE_MAX_WORDS: usize = 8;

/// A bare date line ("7. Oktober 2020") is a few words with a year.
pub const DATE_LINE_MAX_WORDS: usize = 5;

/// A bare date line spells at most this many words in letters (a weekday
/// and a month: "Mittwoch, 7. Oktober 2020").
pub const DATE_LINE_MAX_LETTER_WORDS: usize = 2;

/// …and a few characters (scripts without spaces have one long "word").
pub const DATE_LINE_MAX_CHARS: usize = 40;

/// Trailing headings and short unpunctuated lines after the last prose are
/// page furniture ("More on this topic", "Contact", "Share:").
pub const TAIL_LINE_MAX_CHARS: usize = 60;

/// The article's prose ends with its last paragraph at least this long;
/// what follows it is checked for page furniture.
pub const TAIL_PROSE_MIN_CHARS: usize = 250;

/// After the prose, this many labels (headings, short lines) each over a
/// picture of its own title a gallery (kept), not teasers: one or two may
/// be labels over teasers.
pub const GALLERY_MIN_TITLES: usize = 3;

/// After the prose, a list needs this many items sharing a "Read more" link
/// to be read as teasers: two may be a pair of sources cited the same way.
pub const TEASER_LIST_MIN_ITEMS: usize = 3;

/// After the prose, a paragraph with more link text than this is a link line.
pub const TAIL_MAX_LINK_SHARE: f32 = 0.5;

/// After the prose, a shorter paragraph must end a sentence to stay.
pub const TAIL_LINE_MIN_CHARS: usize = 60;

/// Marks that end a sentence (or a quotation ending one).
pub const SENTENCE_ENDS: &[char] = &['.', '!', '?', '…', '"', '”', '»', '。', ')'];

/// Nesting deeper than this is flattened to plain text: real articles never
/// come close, and hostile pages must not exhaust the stack.
pub const MAX_NESTING: usize = 200;

// ---- quotes ----------------------------------------------------------------

/// Opening quotation marks and the marks that may close each one: English
/// “…”, German „…“ and »…«, French «…», straight "…", CJK 「…」 and 『…』.
/// Single marks are left out: they nest inside double ones and double as
/// apostrophes.
pub const QUOTE_MARKS: &[(char, &[char])] = &[
    ('“', &['”', '"']),
    ('„', &['“', '”', '"']),
    ('«', &['»']),
    ('»', &['«']),
    ('"', &['"', '”']),
    ('「', &['」']),
    ('『', &['』']),
];

/// Verbs (every form news uses) that report speech or writing; a speaker
/// stands next to one of them. English, German, French, Spanish and Russian.
#[rustfmt::skip]
pub const REPORTING_VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "tell", "added", "adds", "wrote", "writes", "asked",
    "asks", "explained", "explains", "noted", "notes", "stated", "states", "declared", "declares",
    "continued", "continues", "recalled", "recalls", "insisted", "insists", "argued", "argues",
    "warned", "warns", "replied", "replies", "responded", "responds", "answered", "answers",
    "tweeted", "tweets", "posted", "posts", "announced", "announces", "acknowledged",
    "acknowledges", "admitted", "admits", "claimed", "claims", "emphasized", "emphasised",
    "stressed", "stresses", "concluded", "concludes", "observed", "observes", "remarked",
    "remarks", "suggested", "suggests", "cautioned", "cautions", "conceded", "concedes",
    "countered", "counters", "maintained", "maintains", "agreed", "agrees", "commented",
    "comments", "confirmed", "confirms", "predicted", "predicts", "joked", "jokes", "shouted",
    "yelled", "whispered", "exclaimed", "mused", "quipped", "boasted", "complained", "complains",
    "pointed", "reads", "testified", "urged", "urges", "promised", "vowed", "sagte", "sagt",
    "sagten", "erklärte", "erklärt", "betonte", "betont", "meinte", "meint", "ergänzte", "ergänzt",
    "fügte", "schrieb", "schreibt", "warnte", "warnt", "fordert", "forderte", "berichtete",
    "berichtet", "erzählt", "erzählte", "sagen", "erklären", "dit", "déclaré", "déclare",
    "affirme", "affirmé", "explique", "expliqué", "ajoute", "ajouté", "estime", "estimé",
    "précise", "précisé", "souligne", "souligné", "indique", "indiqué", "raconte", "raconté",
    "assure", "assuré", "lance", "lancé", "confie", "confié", "selon",
    "fumed", "instructed", "saying", "adding", "telling", "writing", "noting", "explaining", "asking", "warning", "lâché", "points", "yell", "yells", "shout", "shouts", "scream", "screamed",
    "сказал", "сказала", "сказали", "заявил", "заявила", "заявили", "рассказал", "рассказала",
    "рассказали", "отметил", "отметила", "добавил", "добавила", "пояснил", "пояснила",
    "сообщил", "сообщила", "подчеркнул", "подчеркнула", "уточнил", "уточнила", "говорит",
    "считает", "beschreibt", "beschrieb", "erläutert", "erläuterte", "bestätigte",
    "kritisierte", "dijo", "dice", "dijeron", "señaló", "señala", "señalaron", "afirmó", "afirma",
    "afirmaron", "enfatizó", "explicó", "explica", "agregó", "agrega", "añadió", "añade",
    "aseguró", "asegura", "sostuvo", "sostiene", "indicó", "expresó", "manifestó", "declaró",
    "comentó", "destacó", "advirtió", "precisó", "subrayó", "remarcó", "planteó", "respondió",
    "insistió", "apuntó", "reconoció", "escribió", "aclaró", "admitió", "concluyó", "relató",
];

/// Reporting phrases of several words that end right before the speaker
/// (`“…,” reads a statement by the Foreign Ministry`).
#[rustfmt::skip]
pub const REPORTING_PHRASES: &[&str] = &[
    "according to", "reads a statement by", "reads a statement from", "read a statement by",
    "read a statement from", "said a statement by", "said a statement from",
    "said in a statement by", "a statement by", "a statement from", "in a statement by",
    "a spokesman for", "a spokeswoman for", "a spokesperson for", "laut", "zufolge",
];

/// Words that, just before a quotation, mark it as a name, a term or a
/// title rather than speech (`so-called “vocational training centers”`).
#[rustfmt::skip]
pub const NAMING_CUES: &[&str] = &[
    "called", "call", "calls", "calling", "so-called", "dubbed", "dubs", "titled", "entitled",
    "named", "nicknamed", "known", "term", "terms", "word", "phrase", "slogan", "headlined",
    "labeled", "labelled", "branded", "hashtag", "genannte", "sogenannte", "sogenannten",
    "genannten", "intitulé", "baptisé", "surnommé",
];

/// Quoted fragments (not starting as a sentence) shorter than this are scare
/// quotes or short phrases, not quotations.
pub const PARTIAL_QUOTE_MIN_WORDS: usize = 7;

/// A sentence-like quotation without its own end punctuation and without an
/// attribution needs at least this many words to count as speech; shorter
/// capitalized phrases are names and slogans.
pub const BARE_SENTENCE_MIN_WORDS: usize = 4;

/// A paragraph without quotations longer than this ends the run of
/// quotation paragraphs that keep the last speaker; a caption or subheading
/// in between does not.
pub const CHAIN_BREAK_MIN_WORDS: usize = 15;

/// The sentence a quotation sits in is read back at most this many words
/// for its attribution: real sentences are shorter, and a paragraph without
/// sentence marks would otherwise be read again for every quotation in it
/// (each reporting verb in it is read with the words before it).
pub const SENTENCE_MAX_WORDS: usize = 80;

/// Titles of works are capitalized phrases of at most this many words.
pub const TITLE_MAX_WORDS: usize = 12;

/// The longest subject (in words) looked for between a quotation and its
/// reporting verb (`“…,” Jane Doe, a spokeswoman for the ministry, said`).
pub const SPEAKER_MAX_WORDS: usize = 12;

/// Prepositions that open a sentence with someone's point of view (`Pour
/// Sophie Marchand, boulangère, …`, `For Jane Doe, …`): the name after
/// them, set off by a comma, is a person, not a place.
pub const VIEWPOINT_PREPOSITIONS: &[&str] = &["for", "pour", "für", "para", "per"];

/// A role before a name after the verb (`said council member Dana
/// Whitfield`, `said the district engineer, Owen Pryce`) is a few words.
pub const ROLE_BEFORE_NAME_MAX_WORDS: usize = 4;

/// A German compound ending in a title (`Schwimmtrainerin`) is a title
/// when the title part is at least this long (shorter ones end ordinary
/// words).
pub const COMPOUND_TITLE_MIN_CHARS: usize = 6;

/// Words opening a subject that is someone unnamed (`said a dispatcher`,
/// `one official said`), in the languages the speaker rules read.
pub const INDEFINITE_OPENERS: &[&str] = &["a", "an", "one", "another", "ein", "eine", "un", "une"];

/// Definite articles: a subject they open is a role or a name (`the
/// minister`, `die Kanzlerin`), read on to its head.
pub const DEFINITE_ARTICLES: &[&str] = &["the", "der", "die", "le", "la"];

/// Articles skipped before a run of capitalized words, so that `The
/// Guardian` or `Le Monde` is read as the name it opens.
pub const NAME_ARTICLES: &[&str] = &["the", "der", "die", "das", "le", "la", "les"];

/// Small words a capitalized role may hold (`Secretary of State`) that do
/// not make it a title themselves.
pub const ROLE_LINK_WORDS: &[&str] = &["the", "of", "for"];

/// The English indefinite articles: `heard an officer yell` has someone
/// unnamed speak.
pub const INDEFINITE_ARTICLES: &[&str] = &["a", "an"];

/// Conjunctions before a second verb that shares the clause's subject
/// (`Green accepts …, but says`).
pub const SUBJECT_SHARING_CONJUNCTIONS: &[&str] = &["and", "but", "und", "aber", "et", "mais"];

/// Conjunctions joining two people named together (`John and Sherry
/// Petersik`, `Ole Einar Björndalen und Darya Domracheva`).
pub const PAIR_CONJUNCTIONS: &[&str] = &["and", "und", "et", "y", "e"];

/// Linking words skipped before a subject phrase (`but she said`, `and
/// then the minister added`).
pub const SUBJECT_LEAD_WORDS: &[&str] = &["but", "and", "then", "so", "also", "und", "et", "mais"];

/// Words after a name and a comma that open a clause, not an appositive
/// (`Smith, which …` is no `Smith, a spokesman`).
pub const CLAUSE_OPENERS: &[&str] = &["which", "where", "when", "and", "but", "or"];

/// Words opening a clause whose speaker is someone unnamed (`A spokeswoman
/// said`): a following `she` is not the person named before.
pub const UNNAMED_SPEAKER_OPENERS: &[&str] = &["a", "an", "one", "another"];

/// Personal pronouns that stand for the person last named.
#[rustfmt::skip]
pub const PERSON_PRONOUNS: &[&str] = &[
    "he", "she", "er", "sie", "il", "elle", "он", "она",
];

/// Pronouns standing for an organisation named as a sentence's subject
/// (`Verizon said it was closing … "…," it said.`).
pub const ORGANISATION_PRONOUNS: &[&str] = &["it"];

/// The personal pronouns of [`PERSON_PRONOUNS`] that are feminine (the
/// others are masculine): they stand for a person whose given name agrees.
pub const FEMALE_PRONOUNS: &[&str] = &["she", "sie", "elle", "она"];

/// Pronouns that report speech but name no one we can resolve.
#[rustfmt::skip]
pub const OTHER_PRONOUNS: &[&str] = &[
    "they", "we", "i", "it", "you", "one", "ils", "elles", "on", "je", "nous", "wir", "ich", "es",
];

/// Titles and offices stripped from names (`Prime Minister Justin Trudeau` →
/// `Justin Trudeau`); lowercase, compared case-insensitively. A role speaker
/// (`the minister`) made of these words names a person.
#[rustfmt::skip]
pub const PERSON_TITLES: &[&str] = &[
    "president", "vice", "prime", "minister", "foreign", "secretary", "state", "deputy", "defense",
    "defence", "senator", "sen.", "rep.", "representative", "gov.", "governor", "mayor", "chief",
    "executive", "ceo", "cfo", "coo", "director", "dr.", "dr", "mr.", "mrs.", "ms.", "mr", "mrs",
    "ms", "miss", "general", "gen.", "judge", "justice", "professor", "prof.", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "chancellor", "king", "queen", "prince",
    "princess", "pope", "archbishop", "bishop", "rev.", "coach", "captain", "capt.", "lt.", "col.",
    "sgt.", "officer", "detective", "chairman", "chairwoman", "chair", "commissioner", "attorney",
    "inspector", "superintendent", "leader", "speaker", "majority", "minority", "u.s.", "us", "uk",
    "u.k.", "u.n.", "un", "eu", "former", "acting", "interior", "finance", "health", "education",
    "economy", "trade", "energy", "home", "treasury", "agriculture", "labor", "labour",
    "transport", "environment", "senior", "assistant", "associate", "managing", "editor",
    "founder", "co-founder", "cofounder", "premier", "sheikh", "emir", "crown", "grand", "supreme",
    "lord", "lady", "sir", "dame", "herr", "frau", "präsident", "präsidentin",
    "bundeskanzlerin", "bundeskanzler", "kanzlerin", "kanzler", "ministerin", "bürgermeister",
    "bürgermeisterin", "président", "ministre", "of", "for", "the", "analyst", "economist",
    "researcher", "scientist", "author", "writer", "reporter", "correspondent", "lawyer",
    "manager", "official", "officials", "head", "member", "candidate", "nominee", "head", "pastor",
    "rabbi", "imam", "father", "sister", "brother", "doctor", "nurse", "teacher", "student",
    "player", "striker", "goalkeeper", "forward", "quarterback", "defender", "midfielder",
    "manager", "owner", "partner", "adviser", "advisor", "counsel", "sergeant", "lieutenant",
    "colonel", "major", "corporal", "private", "admiral", "commander", "congressman",
    "congresswoman", "councilman", "councilwoman", "councillor", "councilor", "legislator",
    "lawmaker", "mp", "mep", "assemblyman", "assemblywoman", "delegate",
    "engineer", "trainer", "trainerin", "директор", "министр", "президент", "глава",
    "председатель", "руководитель", "мэр", "аким",
    "prof", "chef", "chefin", "sprecher", "sprecherin", "leiter", "leiterin", "geschäftsführer", "geschäftsführerin", "direktor", "direktorin", "vorsitzende", "vorsitzender", "experte", "expertin", "mission", "nachfolger", "nachfolgerin", "vorgänger", "vorgängerin",
    "doktorand", "doktorandin", "professorin", "forscher", "forscherin", "presidente",
    "presidenta", "ministro", "ministra", "diputado", "diputada", "senador", "senadora",
    "gobernador", "gobernadora", "alcalde", "alcaldesa", "directora", "subsecretario",
    "subsecretaria", "secretario", "portavoz", "vocero", "vocera", "candidato", "candidata",
    "jefe", "jefa", "sheik",
];

/// Last words that make a capitalized name an organisation, kept whole as
/// the speaker (`Kazakhstan’s Foreign Ministry`).
#[rustfmt::skip]
pub const ORGANISATION_WORDS: &[&str] = &[
    "ministry", "department", "office", "agency", "council", "committee", "commission", "company",
    "corp", "corp.", "corporation", "inc", "inc.", "ltd", "ltd.", "group", "police", "government",
    "court", "university", "institute", "association", "party", "service", "bureau", "authority",
    "administration", "foundation", "organization", "organisation", "center", "centre", "board",
    "embassy", "army", "navy", "force", "forces", "bank", "fund", "union", "federation", "league",
    "club", "network", "news", "times", "post", "journal", "press", "campaign", "house", "kremlin",
    "pentagon", "ministerium", "regierung", "polizei", "senate", "congress", "parliament",
    "cabinet", "secretariat", "commission", "programme", "program", "unit", "team", "society",
    "alliance", "coalition", "movement", "network", "ministère", "gouvernement", "tribunal",
    "airlines", "airline", "airways", "airport", "station", "hospital", "school", "church", "museum", "stadium",
    "images", "photos", "pictures", "gmbh", "ag", "llc",
];

/// Capitalized words that begin sentences or clauses and never start a name.
#[rustfmt::skip]
pub const NOT_NAME_WORDS: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "so", "if", "when", "while", "after",
    "before", "as", "this", "that", "these", "those", "there", "then", "it", "its", "he", "she",
    "they", "we", "i", "his", "her", "their", "our", "my", "what", "who", "why", "how", "where",
    "for", "from", "with", "by", "to", "of", "since", "during", "meanwhile", "however", "still",
    "yet", "also", "now", "last", "next", "first", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december", "mr.", "mrs.", "ms.", "der", "die",
    "das", "ein", "eine", "und", "aber", "le", "la", "les", "un", "une", "et", "mais", "im", "am",
    "auch", "doch", "asked", "according", "said", "says", "one", "two", "some", "many", "most",
    "all", "each", "every", "no", "not", "yes", "even", "only", "just",
    "earlier", "later", "today", "yesterday", "tonight", "ago",
    "dem", "den", "des", "einem", "einen", "einer", "wir", "ich", "ihr", "je", "nous", "vous",
    "ils", "elles", "pour", "selon", "dans", "avec", "chez", "depuis", "für", "laut", "nach",
    "bei", "seit", "para",
];

/// Lowercase name particles allowed inside a name (`Ursula von der Leyen`).
#[rustfmt::skip]
pub const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "du", "da", "das", "dos", "del", "della", "di", "la", "le",
    "bin", "ibn", "al", "el", "ter", "zu", "y",
];

/// Unsigned reporting subjects that name a group, not a speaker (`officials
/// say`): the speaker stays unknown.
#[rustfmt::skip]
pub const GROUP_SUBJECTS: &[&str] = &[
    "officials", "experts", "critics", "analysts", "residents", "people", "sources", "others",
    "observers", "witnesses", "authorities", "police", "reports", "studies", "scientists",
    "researchers", "activists", "supporters", "opponents", "lawmakers", "leaders", "members",
];

/// The most words a group subject qualified by a name has (`U.S. government
/// officials`); longer phrases before a verb are clauses, not subjects.
pub const GROUP_SUBJECT_MAX_WORDS: usize = 4;

/// Roles that name someone the article has not named (`the official
/// said`, `the man could be heard saying`), or a thing (`the report
/// said`): the speaker stays unknown rather than the person last named.
#[rustfmt::skip]
pub const UNNAMED_ROLES: &[&str] = &[
    "official", "officials", "source", "sources", "witness", "resident", "man", "woman",
    "person", "expert", "analyst", "officer", "dispatcher", "employee", "worker", "poster",
    "caller", "driver", "spokesman", "spokeswoman", "spokesperson", "report", "statement",
    "study", "letter", "survey", "document", "post", "tweet", "article", "book", "bill", "law",
    "poll", "paper", "website", "message", "email", "lawsuit", "complaint", "filing", "note",
    "operative", "aide", "insider", "exec", "adviser", "advisor", "associate",
];

/// Words before a quotation that make it imagined, not said
/// (`as if to say “You think you got me?”`).
pub const HYPOTHETICAL_CUES: &[&str] = &["as if to say", "as if saying", "as though to say"];

/// Auxiliaries and adverbs between a subject and its reporting verb
/// (`Wang Yi had then said`), skipped when reading the subject.
#[rustfmt::skip]
pub const VERB_AUXILIARIES: &[&str] = &[
    "had", "has", "have", "was", "is", "were", "are", "then", "also", "later", "earlier",
    "previously", "again", "once", "further", "would", "will", "could", "can", "may", "might",
    "should", "be", "been", "heard", "seen", "reportedly", "recently", "hat", "hatte", "habe",
    "hätte", "ont", "avait", "not", "never", "often", "always", "just",
];

/// Prepositions right after an inverted reporting verb that open its
/// addressee, not its subject (`dijo a la red Erbol`, `told to reporters`):
/// the speaker is the one named before. `a` is one only before an article
/// or a name (`said a dispatcher` is a subject).
pub const ADDRESSEE_PREPOSITIONS: &[&str] = &["a", "al", "à", "au", "aux", "to", "gegenüber"];

/// German function words: text where they are frequent capitalizes its
/// nouns, so a capitalized word alone does not make a name.
#[rustfmt::skip]
pub const NOUN_CAPITALIZING_WORDS: &[&str] = &[
    "der", "und", "nicht", "ist", "mit", "sich", "dem", "auf", "für", "eine", "ein", "auch",
    "wird", "sind", "dass", "das", "des", "wir", "ich", "werden", "einen", "noch",
];

/// The share of the words of a text that are [`NOUN_CAPITALIZING_WORDS`]
/// from which it capitalizes its nouns (German prose has about one in ten;
/// English and French prose almost none).
pub const NOUN_CAPITALIZING_SHARE: f64 = 0.05;

/// Articles after which `a` opens an addressee (`dijo a la red`).
pub const ADDRESSEE_ARTICLES: &[&str] = &["la", "el", "los", "las", "un", "una"];

/// Words after which a capitalized name is a place or an object, not a
/// person introduced (`in Las Vegas`, `for Con Edison`).
#[rustfmt::skip]
pub const NAME_PREPOSITIONS: &[&str] = &[
    "in", "at", "from", "to", "of", "into", "across", "near", "on", "the", "a", "an", "for",
    "with", "by", "and", "or", "as", "about", "against", "over", "under", "than", "like", "via",
    "between", "among", "after", "before", "during", "since", "without", "within", "through",
    "im", "am", "an", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum", "zur", "für",
    "über", "unter", "den", "dem", "des", "der", "die", "das", "und", "oder", "à", "au", "aux",
    "de", "du", "des", "en", "et", "ou", "pour", "par", "sur", "avec", "chez", "dans",
];

/// Name particles that may open a name (`von Preen`, `de Blasio`); the
/// others (`der`, `la`, `y`) are articles or conjunctions there.
pub const LEADING_PARTICLES: &[&str] = &[
    "von", "van", "de", "di", "da", "del", "al", "el", "bin", "ibn",
];
