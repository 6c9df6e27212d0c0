//! Every selector, token list, weight and threshold the extractor uses, grouped
//! by stage, each with the reason it exists. Logic elsewhere names these;
//! it never carries a bare number or pattern.

// ---- metadata --------------------------------------------------------------

// ---- content ---------------------------------------------------------------

/// Placeholders scrapers leave where a caption or paragraph was empty.
pub const PLACEHOLDER_TEXTS: &[&str] = &["none", "null", "undefined", "nan"];

/// Elements whose content is never article text: code, styling, embedded
/// documents, form controls and the document head.
pub const SKIP_TAGS: &[&str] = &[
    "head", "script", "style", "noscript", "template", "iframe", "frame", "frameset", "svg",
    "math", "button", "select", "textarea", "input", "option", "object", "embed", "canvas",
    "audio", "video", "map", "link", "meta", "dialog",
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
/// sign-up boxes, author bios, bylines, tag lists, share bars, credits);
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
];

/// Clutter blocks are small: a block with more text than this is kept even
/// when its name looks like clutter (the body wrapper may be called
/// "post-share-container").
pub const CLUTTER_MAX_CHARS: usize = 600;

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

/// Each full 100 characters of a paragraph adds one point, up to this many:
/// long paragraphs matter, but one essay-sized blurb must not win alone.
pub const MAX_LENGTH_POINTS: f32 = 3.0;

/// Characters per length point.
pub const CHARS_PER_POINT: usize = 100;

/// How many ancestors of a paragraph share its score (parent fully,
/// grandparent half, then a third per level).
pub const SCORE_ANCESTOR_LEVELS: usize = 5;

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

/// A sibling of the container joins it when it scores this share of the
/// container's score…
pub const SIBLING_SHARE: f32 = 0.2;

/// …and at least this much.
pub const SIBLING_MIN_SCORE: f32 = 10.0;

/// A paragraph sibling this long with little link text joins the container.
pub const SIBLING_PARAGRAPH_CHARS: usize = 80;

/// Link-text share below which a long paragraph sibling counts as prose.
pub const SIBLING_MAX_LINK_DENSITY: f32 = 0.25;

/// Below this many characters the extraction is retried with fewer
/// removals: the page was probably mis-read.
pub const MIN_ARTICLE_CHARS: usize = 500;

/// Share buttons and bars are small; anything named "share" with less text
/// than this is dropped.
pub const SHARE_MAX_CHARS: usize = 500;

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
    "mehr zum thema",
    "lire aussi",
    "à lire aussi",
    "leia também",
    "lee también",
    "vea también",
    "watch:",
    "recommended:",
];

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
];

/// A byline or dateline is one short line.
pub const DATELINE_MAX_CHARS: usize = 120;

/// Text that ends a logo's alternative text ("Newsroom logo").
pub const LOGO_SUFFIXES: &[&str] = &[" logo", " logotype"];

/// Class/id fragments of a standfirst (lead) printed above the body.
pub const LEAD_HINTS: &[&str] = &[
    "standfirst",
    "dek",
    "lede",
    "lead",
    "subtitle",
    "subhead",
    "summary",
    "intro",
    "excerpt",
];

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
/// stands next to one of them. English, German and French.
pub const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "added",
    "adds",
    "wrote",
    "writes",
    "asked",
    "asks",
    "explained",
    "explains",
    "noted",
    "notes",
    "stated",
    "states",
    "declared",
    "declares",
    "continued",
    "continues",
    "recalled",
    "recalls",
    "insisted",
    "insists",
    "argued",
    "argues",
    "warned",
    "warns",
    "replied",
    "replies",
    "responded",
    "responds",
    "answered",
    "answers",
    "tweeted",
    "tweets",
    "posted",
    "posts",
    "announced",
    "announces",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "claimed",
    "claims",
    "emphasized",
    "emphasised",
    "stressed",
    "stresses",
    "concluded",
    "concludes",
    "observed",
    "observes",
    "remarked",
    "remarks",
    "suggested",
    "suggests",
    "cautioned",
    "cautions",
    "conceded",
    "concedes",
    "countered",
    "counters",
    "maintained",
    "maintains",
    "agreed",
    "agrees",
    "commented",
    "comments",
    "confirmed",
    "confirms",
    "predicted",
    "predicts",
    "joked",
    "jokes",
    "shouted",
    "yelled",
    "whispered",
    "exclaimed",
    "mused",
    "quipped",
    "boasted",
    "complained",
    "complains",
    "pointed",
    "reads",
    "testified",
    "urged",
    "urges",
    "promised",
    "vowed",
    "sagte",
    "sagt",
    "sagten",
    "erklärte",
    "erklärt",
    "betonte",
    "betont",
    "meinte",
    "meint",
    "ergänzte",
    "ergänzt",
    "fügte",
    "schrieb",
    "schreibt",
    "warnte",
    "warnt",
    "fordert",
    "forderte",
    "berichtete",
    "berichtet",
    "erzählt",
    "erzählte",
    "sagen",
    "erklären",
    "dit",
    "déclaré",
    "déclare",
    "affirme",
    "affirmé",
    "explique",
    "expliqué",
    "ajoute",
    "ajouté",
    "estime",
    "estimé",
    "précise",
    "précisé",
    "souligne",
    "souligné",
    "indique",
    "indiqué",
    "raconte",
    "raconté",
    "assure",
    "assuré",
    "lance",
    "lancé",
    "confie",
    "confié",
    "selon",
];

/// Reporting phrases of several words that end right before the speaker
/// (`“…,” reads a statement by the Foreign Ministry`).
pub const REPORTING_PHRASES: &[&str] = &[
    "according to",
    "reads a statement by",
    "reads a statement from",
    "read a statement by",
    "read a statement from",
    "said a statement by",
    "said a statement from",
    "said in a statement by",
    "a statement by",
    "a statement from",
    "in a statement by",
    "a spokesman for",
    "a spokeswoman for",
    "a spokesperson for",
    "laut",
    "zufolge",
];

/// Words that, just before a quotation, mark it as a name, a term or a
/// title rather than speech (`so-called “vocational training centers”`).
pub const NAMING_CUES: &[&str] = &[
    "called",
    "call",
    "calls",
    "calling",
    "so-called",
    "dubbed",
    "dubs",
    "titled",
    "entitled",
    "named",
    "nicknamed",
    "known",
    "term",
    "terms",
    "word",
    "phrase",
    "slogan",
    "headlined",
    "labeled",
    "labelled",
    "branded",
    "hashtag",
    "genannte",
    "sogenannte",
    "sogenannten",
    "genannten",
    "intitulé",
    "baptisé",
    "surnommé",
];

/// Quoted fragments (not starting as a sentence) shorter than this are scare
/// quotes or short phrases, not quotations.
pub const PARTIAL_QUOTE_MIN_WORDS: usize = 7;

/// A sentence-like quotation without its own end punctuation and without an
/// attribution needs at least this many words to count as speech; shorter
/// capitalized phrases are names and slogans.
pub const BARE_SENTENCE_MIN_WORDS: usize = 4;

/// Titles of works are capitalized phrases of at most this many words.
pub const TITLE_MAX_WORDS: usize = 12;

/// The longest subject (in words) looked for between a quotation and its
/// reporting verb (`“…,” Jane Doe, a spokeswoman for the ministry, said`).
pub const SPEAKER_MAX_WORDS: usize = 12;

/// Personal pronouns that stand for the person last named.
pub const PERSON_PRONOUNS: &[&str] = &["he", "she", "er", "sie", "il", "elle"];

/// Pronouns that report speech but name no one we can resolve.
pub const OTHER_PRONOUNS: &[&str] = &[
    "they", "we", "i", "it", "you", "one", "ils", "elles", "on", "je", "nous", "wir", "ich", "es",
];

/// Titles and offices stripped from names (`Prime Minister Justin Trudeau` →
/// `Justin Trudeau`); lowercase, compared case-insensitively. A role speaker
/// (`the minister`) made of these words names a person.
pub const PERSON_TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "secretary",
    "state",
    "deputy",
    "defense",
    "defence",
    "senator",
    "sen.",
    "rep.",
    "representative",
    "gov.",
    "governor",
    "mayor",
    "chief",
    "executive",
    "ceo",
    "cfo",
    "coo",
    "director",
    "dr.",
    "dr",
    "mr.",
    "mrs.",
    "ms.",
    "mr",
    "mrs",
    "ms",
    "miss",
    "general",
    "gen.",
    "judge",
    "justice",
    "professor",
    "prof.",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ambassador",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "archbishop",
    "bishop",
    "rev.",
    "coach",
    "captain",
    "capt.",
    "lt.",
    "col.",
    "sgt.",
    "officer",
    "detective",
    "chairman",
    "chairwoman",
    "chair",
    "commissioner",
    "attorney",
    "inspector",
    "superintendent",
    "leader",
    "speaker",
    "majority",
    "minority",
    "u.s.",
    "us",
    "uk",
    "u.k.",
    "u.n.",
    "un",
    "eu",
    "former",
    "acting",
    "interior",
    "finance",
    "health",
    "education",
    "economy",
    "trade",
    "energy",
    "home",
    "treasury",
    "agriculture",
    "labor",
    "labour",
    "transport",
    "environment",
    "senior",
    "assistant",
    "associate",
    "managing",
    "editor",
    "founder",
    "co-founder",
    "cofounder",
    "premier",
    "sheikh",
    "emir",
    "crown",
    "grand",
    "supreme",
    "lord",
    "lady",
    "sir",
    "dame",
    "herr",
    "frau",
    "m.",
    "mme",
    "mme.",
    "präsident",
    "präsidentin",
    "bundeskanzlerin",
    "bundeskanzler",
    "kanzlerin",
    "kanzler",
    "ministerin",
    "bürgermeister",
    "bürgermeisterin",
    "président",
    "ministre",
    "of",
    "for",
    "the",
    "analyst",
    "economist",
    "researcher",
    "scientist",
    "author",
    "writer",
    "reporter",
    "correspondent",
    "lawyer",
    "manager",
    "official",
    "officials",
    "head",
    "member",
    "candidate",
    "nominee",
    "head",
    "pastor",
    "rabbi",
    "imam",
    "father",
    "sister",
    "brother",
    "doctor",
    "nurse",
    "teacher",
    "student",
    "player",
    "striker",
    "goalkeeper",
    "forward",
    "quarterback",
    "defender",
    "midfielder",
    "manager",
    "owner",
    "partner",
    "adviser",
    "advisor",
    "counsel",
    "sergeant",
    "lieutenant",
    "colonel",
    "major",
    "corporal",
    "private",
    "admiral",
    "commander",
    "congressman",
    "congresswoman",
    "councilman",
    "councilwoman",
    "councillor",
    "councilor",
    "legislator",
    "lawmaker",
    "mp",
    "mep",
    "assemblyman",
    "assemblywoman",
    "delegate",
];

/// Last words that make a capitalized name an organisation, kept whole as
/// the speaker (`Kazakhstan’s Foreign Ministry`).
pub const ORGANISATION_WORDS: &[&str] = &[
    "ministry",
    "department",
    "office",
    "agency",
    "council",
    "committee",
    "commission",
    "company",
    "corp",
    "corp.",
    "corporation",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "group",
    "police",
    "government",
    "court",
    "university",
    "institute",
    "association",
    "party",
    "service",
    "bureau",
    "authority",
    "administration",
    "foundation",
    "organization",
    "organisation",
    "center",
    "centre",
    "board",
    "embassy",
    "army",
    "navy",
    "force",
    "forces",
    "bank",
    "fund",
    "union",
    "federation",
    "league",
    "club",
    "network",
    "news",
    "times",
    "post",
    "journal",
    "press",
    "campaign",
    "house",
    "kremlin",
    "pentagon",
    "ministerium",
    "regierung",
    "polizei",
    "senate",
    "congress",
    "parliament",
    "cabinet",
    "secretariat",
    "commission",
    "programme",
    "program",
    "unit",
    "team",
    "society",
    "alliance",
    "coalition",
    "movement",
    "network",
    "ministère",
    "gouvernement",
    "tribunal",
];

/// Capitalized words that begin sentences or clauses and never start a name.
pub const NOT_NAME_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "or",
    "so",
    "if",
    "when",
    "while",
    "after",
    "before",
    "as",
    "this",
    "that",
    "these",
    "those",
    "there",
    "then",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "his",
    "her",
    "their",
    "our",
    "my",
    "what",
    "who",
    "why",
    "how",
    "where",
    "for",
    "from",
    "with",
    "by",
    "to",
    "of",
    "since",
    "during",
    "meanwhile",
    "however",
    "still",
    "yet",
    "also",
    "now",
    "last",
    "next",
    "first",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "mr.",
    "mrs.",
    "ms.",
    "der",
    "die",
    "das",
    "ein",
    "eine",
    "und",
    "aber",
    "le",
    "la",
    "les",
    "un",
    "une",
    "et",
    "mais",
    "im",
    "am",
    "auch",
    "doch",
    "asked",
    "according",
    "said",
    "says",
    "one",
    "two",
    "some",
    "many",
    "most",
    "all",
    "each",
    "every",
    "no",
    "not",
    "yes",
    "even",
    "only",
    "just",
];

/// Lowercase name particles allowed inside a name (`Ursula von der Leyen`).
pub const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "du", "da", "das", "dos", "del", "della", "di", "la", "le",
    "bin", "ibn", "al", "el", "ter", "zu", "y",
];

/// Unsigned reporting subjects that name a group, not a speaker (`officials
/// say`): the speaker stays unknown.
pub const GROUP_SUBJECTS: &[&str] = &[
    "officials",
    "experts",
    "critics",
    "analysts",
    "residents",
    "people",
    "sources",
    "others",
    "observers",
    "witnesses",
    "authorities",
    "police",
    "reports",
    "studies",
    "scientists",
    "researchers",
    "activists",
    "supporters",
    "opponents",
    "lawmakers",
    "leaders",
    "members",
];
