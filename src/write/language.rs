//! An article's language as a valid BCP 47 tag — the page's own tag, else
//! one told from the script of its text — the direction it is written in,
//! and the words an edition writes around it ("By", "Updated", "Source",
//! "Contents", the date) in that language: one table for the EPUB and the
//! PDF writers, with a neutral form (English words, ISO dates) for the
//! languages it lacks.

use crate::model::Article;

/// Language tag used when the article names none (or an invalid one): BCP 47
/// "undetermined", which is honest and valid where `en` would be a guess.
pub const UNKNOWN_LANGUAGE: &str = "und";

/// Primary language subtags written right to left; their documents get
/// `dir="rtl"` and the spine a right-to-left page progression.
pub const RTL_LANGUAGES: &[&str] = &[
    "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "ug", "ur", "yi",
];

/// Share of a text's letters a script must reach before an untagged article
/// is labelled by it: a majority, so quoted names do not decide.
pub const SCRIPT_SHARE: f64 = 0.5;

/// Letters read to find the script of an untagged article: enough for a
/// stable share, little enough to stay cheap.
const SCRIPT_SAMPLE: usize = 2000;

/// The article's language as a valid BCP 47 tag. When the page names none,
/// the script of the text decides where it is unambiguous (`ja` for kana,
/// `ko` for Hangul, `zh` for Han alone) and otherwise gives an undetermined
/// language in a right-to-left script (`und-Arab`, `und-Hebr`), so direction
/// and fonts are right even without a tag.
pub fn language(article: &Article) -> String {
    article
        .language
        .as_deref()
        .map(str::trim)
        .filter(|tag| is_language_tag(tag))
        .map(str::to_string)
        .or_else(|| script_language(article).map(str::to_string))
        .unwrap_or_else(|| UNKNOWN_LANGUAGE.to_string())
}

/// A tag for the dominant script of the headline and body, when one can be told.
fn script_language(article: &Article) -> Option<&'static str> {
    let (mut letters, mut kana, mut hangul, mut han, mut arabic, mut hebrew) = (0, 0, 0, 0, 0, 0);
    let text =
        std::iter::once(article.headline.as_str()).chain(article.blocks.iter().map(|b| b.text()));
    for c in text
        .flat_map(str::chars)
        .filter(|c| c.is_alphabetic())
        .take(SCRIPT_SAMPLE)
    {
        letters += 1;
        match c {
            '\u{3040}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' => kana += 1,
            '\u{AC00}'..='\u{D7AF}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}' => {
                hangul += 1
            }
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => han += 1,
            '\u{0600}'..='\u{06FF}'
            | '\u{0750}'..='\u{077F}'
            | '\u{FB50}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}' => arabic += 1,
            '\u{0590}'..='\u{05FF}' => hebrew += 1,
            _ => {}
        }
    }
    let share = |n: usize| letters > 0 && n as f64 / letters as f64 >= SCRIPT_SHARE;
    if share(kana + han) && kana > 0 {
        Some("ja")
    } else if share(hangul + han) && hangul > 0 {
        Some("ko")
    } else if share(han) {
        Some("zh")
    } else if share(arabic) {
        Some("und-Arab")
    } else if share(hebrew) {
        Some("und-Hebr")
    } else {
        None
    }
}

/// A loose BCP 47 check: a 2–3 letter primary subtag, then alphanumeric
/// subtags of 1–8 characters.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Whether a language is written right to left (by its primary subtag, or an
/// explicit `Arab`/`Hebr` script subtag).
pub fn is_rtl(tag: &str) -> bool {
    let lower = tag.to_ascii_lowercase();
    RTL_LANGUAGES.contains(&primary_subtag(&lower).as_str())
        || lower.split('-').any(|p| p == "arab" || p == "hebr")
}

/// The primary subtag of a language tag, lower case (`pt` for `pt-BR`).
pub fn primary_subtag(tag: &str) -> String {
    tag.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The words an edition writes around an article, in one language.
#[derive(Debug)]
pub struct Words {
    /// Primary language subtag (or full tag for a script variant).
    pub tag: &'static str,
    /// The byline, `{}` standing for the names ("By {}").
    pub by: &'static str,
    /// Before an update date that stands alone ("Updated").
    pub updated: &'static str,
    /// Before an update date after the publication date ("updated").
    pub updated_after: &'static str,
    /// Before the page's address ("Source:").
    pub source: &'static str,
    /// The contents page's title ("Contents").
    pub contents: &'static str,
    /// How many articles an edition holds, `{n}` standing for the number:
    /// the form for one and the form for more, split by `|` ("1 article|{n}
    /// articles"), or one form for every number — no plural after numerals
    /// (Turkish, Chinese), or a label ("Число статей: {n}") where the noun
    /// would take several plural forms.
    articles: &'static str,
    /// How a date reads: `{d}` day, `{m}` month name, `{n}` month number,
    /// `{y}` year; empty for ISO 8601.
    date: &'static str,
    /// Month names as dates use them (genitive where the language wants
    /// it), January first, separated by spaces.
    months: &'static str,
}

impl Words {
    /// Whether these are the neutral words for a language not in the table.
    pub fn is_neutral(&self) -> bool {
        self.tag.is_empty()
    }

    /// A calendar day as this language writes it.
    pub fn date(&self, year: i32, month: u32, day: u32) -> String {
        let name = self.months.split(' ').nth((month as usize).wrapping_sub(1));
        match name {
            Some(name) if !self.date.is_empty() => self
                .date
                .replace("{d}", &day.to_string())
                .replace("{n}", &month.to_string())
                .replace("{m}", name)
                .replace("{y}", &year.to_string()),
            _ => format!("{year:04}-{month:02}-{day:02}"),
        }
    }

    /// How many articles an edition holds ("3 articles", "Число статей: 3").
    pub fn articles(&self, count: usize) -> String {
        let form = match self.articles.split_once('|') {
            Some((one, _)) if count == 1 => one,
            Some((_, more)) => more,
            None => self.articles,
        };
        form.replace("{n}", &count.to_string())
    }

    /// The byline for `names`.
    pub fn byline(&self, names: &str) -> String {
        self.by.replace("{}", names)
    }
}

/// English month names, as a [`Words`] month list.
const ENGLISH_MONTHS: &str =
    "January February March April May June July August September October November December";

/// For languages the table lacks: English words (marked as English where
/// the format can say so) and ISO 8601 dates, which read without translation.
pub const NEUTRAL: Words = Words {
    tag: "",
    by: "By {}",
    updated: "Updated",
    updated_after: "updated",
    source: "Source:",
    contents: "Contents",
    articles: "1 article|{n} articles",
    date: "",
    months: ENGLISH_MONTHS,
};

/// The edition's words in the most common languages of news.
pub const WORDS: &[Words] = &[
    Words {
        tag: "en",
        by: "By {}",
        updated: "Updated",
        updated_after: "updated",
        source: "Source:",
        contents: "Contents",
        articles: "1 article|{n} articles",
        date: "{d} {m} {y}",
        months: ENGLISH_MONTHS,
    },
    Words {
        tag: "fr",
        by: "Par {}",
        updated: "Mis à jour le",
        updated_after: "mis à jour le",
        source: "Source\u{a0}:",
        contents: "Sommaire",
        articles: "1 article|{n} articles",
        date: "{d} {m} {y}",
        months: "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    },
    Words {
        tag: "de",
        by: "Von {}",
        updated: "Aktualisiert am",
        updated_after: "aktualisiert am",
        source: "Quelle:",
        contents: "Inhalt",
        articles: "1 Artikel|{n} Artikel",
        date: "{d}. {m} {y}",
        months: "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    },
    Words {
        tag: "es",
        by: "Por {}",
        updated: "Actualizado el",
        updated_after: "actualizado el",
        source: "Fuente:",
        contents: "Índice",
        articles: "1 artículo|{n} artículos",
        date: "{d} de {m} de {y}",
        months: "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    },
    Words {
        tag: "pt",
        by: "Por {}",
        updated: "Atualizado em",
        updated_after: "atualizado em",
        source: "Fonte:",
        contents: "Sumário",
        articles: "1 artigo|{n} artigos",
        date: "{d} de {m} de {y}",
        months: "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    },
    Words {
        tag: "it",
        by: "Di {}",
        updated: "Aggiornato il",
        updated_after: "aggiornato il",
        source: "Fonte:",
        contents: "Indice",
        articles: "1 articolo|{n} articoli",
        date: "{d} {m} {y}",
        months: "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    },
    Words {
        tag: "nl",
        by: "Door {}",
        updated: "Bijgewerkt op",
        updated_after: "bijgewerkt op",
        source: "Bron:",
        contents: "Inhoud",
        articles: "1 artikel|{n} artikelen",
        date: "{d} {m} {y}",
        months: "januari februari maart april mei juni juli augustus september oktober november december",
    },
    Words {
        tag: "ru",
        by: "Автор: {}",
        updated: "Обновлено",
        updated_after: "обновлено",
        source: "Источник:",
        contents: "Содержание",
        articles: "Число статей: {n}",
        date: "{d} {m} {y}",
        months: "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    },
    Words {
        tag: "uk",
        by: "Автор: {}",
        updated: "Оновлено",
        updated_after: "оновлено",
        source: "Джерело:",
        contents: "Зміст",
        articles: "Кількість статей: {n}",
        date: "{d} {m} {y}",
        months: "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    },
    Words {
        tag: "kk",
        by: "Авторы: {}",
        updated: "Жаңартылды",
        updated_after: "жаңартылды",
        source: "Дереккөз:",
        contents: "Мазмұны",
        articles: "{n} мақала",
        date: "{y} жылғы {d} {m}",
        months: "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан",
    },
    Words {
        tag: "pl",
        by: "Autor: {}",
        updated: "Zaktualizowano",
        updated_after: "zaktualizowano",
        source: "Źródło:",
        contents: "Spis treści",
        articles: "Liczba artykułów: {n}",
        date: "{d} {m} {y}",
        months: "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    },
    Words {
        tag: "cs",
        by: "Autor: {}",
        updated: "Aktualizováno",
        updated_after: "aktualizováno",
        source: "Zdroj:",
        contents: "Obsah",
        articles: "Počet článků: {n}",
        date: "{d}. {m} {y}",
        months: "ledna února března dubna května června července srpna září října listopadu prosince",
    },
    Words {
        tag: "sv",
        by: "Av {}",
        updated: "Uppdaterad",
        updated_after: "uppdaterad",
        source: "Källa:",
        contents: "Innehåll",
        articles: "1 artikel|{n} artiklar",
        date: "{d} {m} {y}",
        months: "januari februari mars april maj juni juli augusti september oktober november december",
    },
    Words {
        tag: "da",
        by: "Af {}",
        updated: "Opdateret",
        updated_after: "opdateret",
        source: "Kilde:",
        contents: "Indhold",
        articles: "1 artikel|{n} artikler",
        date: "{d}. {m} {y}",
        months: "januar februar marts april maj juni juli august september oktober november december",
    },
    Words {
        tag: "no",
        by: "Av {}",
        updated: "Oppdatert",
        updated_after: "oppdatert",
        source: "Kilde:",
        contents: "Innhold",
        articles: "1 artikkel|{n} artikler",
        date: "{d}. {m} {y}",
        months: "januar februar mars april mai juni juli august september oktober november desember",
    },
    Words {
        tag: "fi",
        by: "Teksti: {}",
        updated: "Päivitetty",
        updated_after: "päivitetty",
        source: "Lähde:",
        contents: "Sisällys",
        articles: "1 artikkeli|{n} artikkelia",
        date: "{d}. {m} {y}",
        months: "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta syyskuuta lokakuuta marraskuuta joulukuuta",
    },
    Words {
        tag: "el",
        by: "Συντάκτης: {}",
        updated: "Ενημερώθηκε",
        updated_after: "ενημερώθηκε",
        source: "Πηγή:",
        contents: "Περιεχόμενα",
        articles: "1 άρθρο|{n} άρθρα",
        date: "{d} {m} {y}",
        months: "Ιανουαρίου Φεβρουαρίου Μαρτίου Απριλίου Μαΐου Ιουνίου Ιουλίου Αυγούστου Σεπτεμβρίου Οκτωβρίου Νοεμβρίου Δεκεμβρίου",
    },
    Words {
        tag: "tr",
        by: "Yazan: {}",
        updated: "Güncellendi",
        updated_after: "güncellendi",
        source: "Kaynak:",
        contents: "İçindekiler",
        articles: "{n} makale",
        date: "{d} {m} {y}",
        months: "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
    },
    Words {
        tag: "ro",
        by: "De {}",
        updated: "Actualizat",
        updated_after: "actualizat",
        source: "Sursa:",
        contents: "Cuprins",
        articles: "Număr de articole: {n}",
        date: "{d} {m} {y}",
        months: "ianuarie februarie martie aprilie mai iunie iulie august septembrie octombrie noiembrie decembrie",
    },
    Words {
        tag: "hu",
        by: "Szerző: {}",
        updated: "Frissítve",
        updated_after: "frissítve",
        source: "Forrás:",
        contents: "Tartalom",
        articles: "{n} cikk",
        date: "{y}. {m} {d}.",
        months: "január február március április május június július augusztus szeptember október november december",
    },
    Words {
        tag: "id",
        by: "Oleh {}",
        updated: "Diperbarui",
        updated_after: "diperbarui",
        source: "Sumber:",
        contents: "Daftar isi",
        articles: "{n} artikel",
        date: "{d} {m} {y}",
        months: "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    },
    Words {
        tag: "ms",
        by: "Oleh {}",
        updated: "Dikemas kini",
        updated_after: "dikemas kini",
        source: "Sumber:",
        contents: "Kandungan",
        articles: "{n} artikel",
        date: "{d} {m} {y}",
        months: "Januari Februari Mac April Mei Jun Julai Ogos September Oktober November Disember",
    },
    Words {
        tag: "vi",
        by: "Tác giả: {}",
        updated: "Cập nhật",
        updated_after: "cập nhật",
        source: "Nguồn:",
        contents: "Mục lục",
        articles: "{n} bài viết",
        date: "{d} tháng {n} năm {y}",
        months: ENGLISH_MONTHS,
    },
    Words {
        tag: "zh",
        by: "作者：{}",
        updated: "更新于",
        updated_after: "更新于",
        source: "来源：",
        contents: "目录",
        articles: "{n} 篇文章",
        date: "{y}年{n}月{d}日",
        months: ENGLISH_MONTHS,
    },
    Words {
        tag: "zh-Hant",
        by: "作者：{}",
        updated: "更新於",
        updated_after: "更新於",
        source: "來源：",
        contents: "目錄",
        articles: "{n} 篇文章",
        date: "{y}年{n}月{d}日",
        months: ENGLISH_MONTHS,
    },
    Words {
        tag: "ja",
        by: "著者：{}",
        updated: "更新",
        updated_after: "更新",
        source: "出典：",
        contents: "目次",
        articles: "記事 {n} 本",
        date: "{y}年{n}月{d}日",
        months: ENGLISH_MONTHS,
    },
    Words {
        tag: "ko",
        by: "글: {}",
        updated: "수정",
        updated_after: "수정",
        source: "출처:",
        contents: "목차",
        articles: "기사 {n}편",
        date: "{y}년 {n}월 {d}일",
        months: ENGLISH_MONTHS,
    },
    Words {
        tag: "ar",
        by: "بقلم {}",
        updated: "حُدِّث في",
        updated_after: "حُدِّث في",
        source: "المصدر:",
        contents: "المحتويات",
        articles: "عدد المقالات: {n}",
        date: "{d} {m} {y}",
        months: "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر",
    },
    Words {
        tag: "he",
        by: "מאת {}",
        updated: "עודכן",
        updated_after: "עודכן",
        source: "מקור:",
        contents: "תוכן העניינים",
        articles: "כתבה אחת|{n} כתבות",
        date: "{d} ב{m} {y}",
        months: "ינואר פברואר מרץ אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר",
    },
    Words {
        tag: "fa",
        by: "نوشتهٔ {}",
        updated: "به‌روزشده در",
        updated_after: "به‌روزشده در",
        source: "منبع:",
        contents: "فهرست",
        articles: "{n} مقاله",
        date: "{d} {m} {y}",
        months: "ژانویه فوریه مارس آوریل مه ژوئن ژوئیه اوت سپتامبر اکتبر نوامبر دسامبر",
    },
    Words {
        tag: "hi",
        by: "लेखक: {}",
        updated: "अपडेट",
        updated_after: "अपडेट",
        source: "स्रोत:",
        contents: "विषय सूची",
        articles: "{n} लेख",
        date: "{d} {m} {y}",
        months: "जनवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर",
    },
];

/// The edition's words for a language tag: the table's entry for its
/// primary subtag (Traditional Chinese by script or region), else
/// [`NEUTRAL`].
pub fn words(tag: &str) -> &'static Words {
    let lower = tag.to_ascii_lowercase().replace('_', "-");
    let primary = primary_subtag(&lower);
    let key = match primary.as_str() {
        "zh" if lower
            .split('-')
            .skip(1)
            .any(|p| matches!(p, "hant" | "tw" | "hk" | "mo")) =>
        {
            "zh-Hant"
        }
        "nb" | "nn" => "no",
        "iw" => "he",
        "in" => "id",
        other => other,
    };
    WORDS.iter().find(|w| w.tag == key).unwrap_or(&NEUTRAL)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_and_direction() {
        assert!(is_rtl("ar"));
        assert!(is_rtl("fa-IR"));
        assert!(!is_rtl("en"));
        assert!(is_language_tag("pt-BR"));
        assert!(!is_language_tag("english language"));
    }

    #[test]
    fn untagged_articles_are_labelled_by_their_script() {
        let tagged = |headline: &str| {
            language(&Article {
                headline: headline.into(),
                ..Article::default()
            })
        };
        assert_eq!(tagged("消費増税の軽減税率"), "ja");
        assert_eq!(tagged("서울 시장 선거"), "ko");
        assert_eq!(tagged("北京举行会议"), "zh");
        assert_eq!(tagged("عنوان الخبر"), "und-Arab");
        assert!(is_rtl(&tagged("כותרת החדשות")));
        assert_eq!(tagged("A plain headline"), UNKNOWN_LANGUAGE);
    }

    #[test]
    fn editions_speak_the_articles_language() {
        assert_eq!(words("fr-FR").date(2021, 3, 3), "3 mars 2021");
        assert_eq!(words("fr").byline("Claire Dubois"), "Par Claire Dubois");
        assert_eq!(words("de").byline("Max"), "Von Max");
        assert_eq!(words("ru").byline("Иван"), "Автор: Иван");
        assert_eq!(words("ja").date(2024, 3, 3), "2024年3月3日");
        assert_eq!(words("zh-TW").contents, "目錄");
        assert_eq!(words("en-GB").date(2020, 2, 5), "5 February 2020");
        assert!(words("und").is_neutral());
        assert_eq!(words("xx").date(2020, 2, 5), "2020-02-05");
        assert_eq!(words("fr").articles(3), "3 articles");
        assert_eq!(words("de").articles(1), "1 Artikel");
        assert_eq!(words("ru").articles(22), "Число статей: 22");
        assert_eq!(words("xx").articles(2), NEUTRAL.articles(2));
        assert!(WORDS.len() >= 30);
    }
}
