//! The documented limits on what galley will process. Real pages stay far
//! below every one of them; hostile or broken inputs hit them and get a clear
//! error (or, where noted, a truncation warning) instead of unbounded work.

/// Largest page read (after decompression), in bytes: the largest real saved
/// pages, images inlined, are tens of megabytes; more is a decompression bomb
/// or not a page. A 30 MB article converts in about a second.
pub const MAX_INPUT_BYTES: u64 = 256 << 20;

/// Deepest element nesting kept when parsing HTML. html5ever's scope checks
/// cost time proportional to the depth for every new block element, so
/// 200,000 nested `<div>`s would take minutes; real pages nest a few dozen
/// levels. Deeper start tags are dropped; their text is kept.
pub const MAX_PARSE_DEPTH: usize = 1_000;

/// Most elements in one HTML page (start tags, not end tags: 510,000 closed
/// `<i>` elements are fine). The parsed tree costs a few hundred bytes per
/// element, so this bounds memory at a few hundred megabytes; the largest
/// real pages have tens of thousands.
pub const MAX_ELEMENTS: usize = 1_000_000;

/// Most pixels in an image the PDF writer decodes. PNG, GIF and WebP are
/// decoded to raw pixels (four bytes each), so a few-kilobyte file declaring
/// 100,000 × 100,000 pixels would ask for 40 GB; the largest real photos are
/// around 50 megapixels. Larger images are left out with a warning.
pub const MAX_IMAGE_PIXELS: u64 = 64_000_000;

/// Most pages in one PDF. The longest real articles fill a hundred pages
/// and an edition of a few hundred articles a thousand or so; text past
/// this page is left out with a warning, which bounds the time and memory
/// (about 300 KB a page while writing) a PDF can take.
pub const MAX_PDF_PAGES: usize = 2_000;

/// Largest file read from a saved page's folder as an image: the largest
/// real photos are a few tens of megabytes; a bigger file (or a link to a
/// device such as `/dev/zero`) is treated as missing.
pub const MAX_RESOURCE_BYTES: u64 = 64 << 20;

/// Pages this large (after decompression) take their size from the batch's
/// [`BATCH_MEMORY_BUDGET`] while they convert; real articles are far
/// smaller and never wait.
pub const LARGE_INPUT_BYTES: u64 = 16 << 20;

/// Input bytes that large pages of one batch convert at once, whatever
/// `--jobs` says: converting takes a few times a page's size, so this keeps
/// a batch of large pages under about a gigabyte.
pub const BATCH_MEMORY_BUDGET: u64 = MAX_INPUT_BYTES;

/// How many times its size (after decompression) converting a page takes
/// at most, measured on pages whose bulk is `data:` URIs or one large MHTML
/// part: 2× for JSON, 3× for Markdown, PDF and EPUB, more while the HTML
/// edition re-encodes the images.
pub const PEAK_BYTES_PER_INPUT_BYTE: u64 = 4;

/// How many times its size converting a page takes at the least (JSON's
/// peak in the same measurements): a page that cannot have even this is
/// refused, since trying would abort the whole run when memory runs out.
pub const LEAST_BYTES_PER_INPUT_BYTE: u64 = 2;

/// Memory the program takes before any page: its code, fonts and threads.
pub const BASE_MEMORY_BYTES: u64 = 160 << 20;
