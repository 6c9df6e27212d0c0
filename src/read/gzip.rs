//! gzip-compressed inputs (`page.html.gz`, `crawl.warc.gz`): recognized by
//! their magic bytes, read as one stream even when made of many members (a
//! WARC compressed record by record), and cut off at a size limit so a small
//! file cannot expand into all of memory.

use std::io::{BufRead, Read};

use flate2::bufread::MultiGzDecoder;

use crate::error::{Error, Result};

/// The two bytes every gzip member starts with.
const MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Whether bytes start a gzip stream.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC)
}

/// A reader of the decompressed stream of every member, one after another.
pub fn reader<R: BufRead>(inner: R) -> MultiGzDecoder<R> {
    MultiGzDecoder::new(inner)
}

/// Decompresses a whole gzip file, refusing more than `limit` bytes of output.
pub fn decompress(bytes: &[u8], limit: u64) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    reader(bytes)
        .take(limit + 1)
        .read_to_end(&mut out)
        .map_err(|e| malformed(&e))?;
    if out.len() as u64 > limit {
        return Err(Error::Limit {
            limit: "decompressed size",
            detail: format!("more than {limit} bytes"),
        });
    }
    Ok(out)
}

/// The error for a failed read of a stream that may be compressed: a broken
/// gzip stream (bad data, cut short) is malformed, anything else is the
/// reading's own failure.
pub fn stream_error(err: std::io::Error) -> Error {
    match err.kind() {
        std::io::ErrorKind::InvalidInput
        | std::io::ErrorKind::InvalidData
        | std::io::ErrorKind::UnexpectedEof => malformed(&err),
        _ => Error::Read(err),
    }
}

/// The error for a broken stream, e.g. a file cut short.
pub fn malformed(err: &std::io::Error) -> Error {
    let reason = match err.kind() {
        std::io::ErrorKind::UnexpectedEof => "the stream is cut short".to_string(),
        _ => err.to_string(),
    };
    Error::Malformed {
        format: "gzip",
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::Compression;
    use flate2::write::GzEncoder;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut enc = GzEncoder::new(Vec::new(), Compression::fast());
        enc.write_all(data).unwrap();
        enc.finish().unwrap()
    }

    #[test]
    fn members_are_read_one_after_another() {
        let mut bytes = gz(b"first ");
        bytes.extend(gz(b"second"));
        assert_eq!(decompress(&bytes, 100).unwrap(), b"first second");
    }

    #[test]
    fn truncated_and_oversized_streams_fail() {
        let bytes = gz(&[b'x'; 4096]);
        assert!(matches!(
            decompress(&bytes[..bytes.len() / 2], 1 << 20),
            Err(Error::Malformed { .. })
        ));
        assert!(matches!(decompress(&bytes, 100), Err(Error::Limit { .. })));
    }
}
