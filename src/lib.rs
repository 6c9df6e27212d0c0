//! galley turns saved news pages into clean articles.
//!
//! Readers ([`read`]) turn a page — HTML, MHTML, WARC, article JSON — into the
//! one [`model::Article`]; writers ([`write`]) render it as Markdown, JSON, EPUB
//! or PDF; [`batch`] runs that over many inputs.
//!
//! ```
//! use galley::read::html::{read, Hints};
//! let article = read("<title>Hi</title><article><p>Hello, world. This is a page.</p></article>",
//!                    &Hints::default()).unwrap();
//! assert_eq!(article.blocks.len(), 1);
//! ```

pub mod batch;
pub mod cli;
pub mod date;
pub mod document;
pub mod error;
pub mod inspect;
pub mod limits;
pub mod model;
pub mod read;
pub mod sanitize;
pub mod write;

pub use document::Document;
pub use error::{Error, Failure, Result};
pub use model::Article;
