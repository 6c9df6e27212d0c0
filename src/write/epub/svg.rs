//! Which SVG images an EPUB may carry: an allow-list, not a list of refused
//! things. The SVG is parsed as XML (no DTD, so no entities; character
//! references are decoded before any check, so `javascript&#58;` is seen as
//! `javascript:`), and kept only when every element and attribute is on the
//! lists below and no value refers outside the image; anything else — a
//! script in any namespace, an event handler, animation, a link, a remote
//! `href` or `url(…)`, a processing instruction — leaves the SVG out.

use roxmltree::{Document, Node, NodeType, ParsingOptions};

/// The SVG namespace: every element must be in it (an `h:script` in the
/// XHTML namespace is not).
const SVG_NAMESPACE: &str = "http://www.w3.org/2000/svg";
/// The XLink namespace, for `xlink:href`.
const XLINK_NAMESPACE: &str = "http://www.w3.org/1999/xlink";
/// The XML namespace, for `xml:space` and `xml:lang`.
const XML_NAMESPACE: &str = "http://www.w3.org/XML/1998/namespace";

/// Most XML nodes parsed: drawings that e-readers show have a few thousand.
const MAX_NODES: u32 = 200_000;

/// Elements of static drawings: shapes, text, paint servers, clipping,
/// masking and the common filters. Left out: `script`, `style`,
/// `foreignObject`, `a`, `image`, `feImage`, `animate*` and `set` (which
/// carry handlers, markup, links or remote content).
#[rustfmt::skip]
const ELEMENTS: &[&str] = &[
    "svg", "g", "defs", "symbol", "use", "title", "desc", "switch",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern",
    "clipPath", "mask", "marker",
    "filter", "feGaussianBlur", "feOffset", "feBlend", "feColorMatrix", "feFlood",
    "feComposite", "feMerge", "feMergeNode", "feMorphology", "feDropShadow",
];

/// Geometry, presentation and structure attributes, with `style` (no `on…`
/// handlers); every value is checked by [`value_stays_inside`], `href`
/// apart.
#[rustfmt::skip]
const ATTRIBUTES: &[&str] = &[
    "id", "class", "lang", "version", "baseProfile", "viewBox", "preserveAspectRatio",
    "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "fr",
    "width", "height", "d", "points", "transform", "pathLength",
    "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset",
    "stroke-opacity", "opacity", "color", "visibility", "display", "overflow",
    "shape-rendering", "vector-effect", "paint-order",
    "font-family", "font-size", "font-weight", "font-style", "font-variant",
    "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift",
    "letter-spacing", "word-spacing", "text-decoration", "writing-mode",
    "dx", "dy", "rotate", "textLength", "lengthAdjust", "startOffset",
    "offset", "stop-color", "stop-opacity", "gradientUnits", "gradientTransform",
    "spreadMethod", "patternUnits", "patternContentUnits", "patternTransform",
    "clip-path", "clipPathUnits", "clip-rule", "mask", "maskUnits", "maskContentUnits",
    "marker-start", "marker-mid", "marker-end", "markerWidth", "markerHeight",
    "markerUnits", "refX", "refY", "orient",
    "filter", "filterUnits", "primitiveUnits", "stdDeviation", "in", "in2", "result",
    "mode", "values", "type", "operator", "k1", "k2", "k3", "k4", "radius",
    "flood-color", "flood-opacity", "color-interpolation-filters",
    "role", "aria-label", "aria-hidden", "focusable", "style",
];

/// Whether an SVG holds only allow-listed markup that stays inside the image.
pub fn is_safe(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_NODES,
        ..ParsingOptions::default()
    };
    let Ok(doc) = Document::parse_with_options(text, options) else {
        return false;
    };
    doc.root_element().tag_name().name() == "svg" && doc.root().children().all(node_is_safe)
}

fn node_is_safe(node: Node) -> bool {
    match node.node_type() {
        NodeType::Comment | NodeType::Text => true,
        NodeType::Element => {
            let name = node.tag_name();
            name.namespace() == Some(SVG_NAMESPACE)
                && ELEMENTS.contains(&name.name())
                && node
                    .attributes()
                    .all(|a| attribute_is_safe(a.namespace(), a.name(), a.value()))
                && node.children().all(node_is_safe)
        }
        NodeType::PI | NodeType::Root => false,
    }
}

fn attribute_is_safe(namespace: Option<&str>, name: &str, value: &str) -> bool {
    let known = match namespace {
        None => name == "href" || ATTRIBUTES.contains(&name),
        Some(XLINK_NAMESPACE) => name == "href",
        Some(XML_NAMESPACE) => name == "space" || name == "lang",
        Some(_) => false,
    };
    if !known {
        return false;
    }
    if name == "href" {
        return value.trim_start().starts_with('#');
    }
    value_stays_inside(value)
}

/// Whether every `url(…)` in a value names a fragment of the image itself
/// and nothing in it reads as a script address, a style sheet import or a
/// CSS escape (which could spell either).
fn value_stays_inside(value: &str) -> bool {
    let lower: String = value
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    !["javascript:", "@import", "expression(", "\\"]
        .iter()
        .any(|bad| lower.contains(bad))
        && lower.match_indices("url(").all(|(at, m)| {
            lower[at + m.len()..]
                .trim_start_matches(['\'', '"'])
                .starts_with('#')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPEN: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:h="http://www.w3.org/1999/xhtml" viewBox="0 0 10 10">"#;

    fn svg(inner: &str) -> Vec<u8> {
        format!("{OPEN}{inner}</svg>").into_bytes()
    }

    #[test]
    fn static_drawings_are_kept() {
        assert!(is_safe(&svg(
            r##"<defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs>
            <rect width="10" height="10" fill="url(#g)" style="stroke-width: 0px"/><use xlink:href="#g"/><text x="1">Hi</text>"##
        )));
    }

    #[test]
    fn scripts_handlers_and_remote_references_are_refused() {
        for inner in [
            "<script>alert(1)</script>",
            "<h:script>alert(1)</h:script>",
            r#"<rect onclick="alert(1)"/>"#,
            "<rect\nonload=\"alert(1)\"/>",
            r#"<animate onbegin="alert(1)" attributeName="x"/>"#,
            r#"<set attributeName="href" to="javascript:alert(1)"/>"#,
            r#"<a href="javascript&#58;alert(1)"><rect/></a>"#,
            r#"<use href="//evil.example/s.svg#x"/>"#,
            r#"<use xlink:href = "https://evil.example/s.svg#x"/>"#,
            r#"<rect fill="url('http://evil.example/p.svg#p')"/>"#,
            r#"<rect style="fill:url(https://evil.example/p.svg#p)"/>"#,
            r#"<rect style="fill:u\72l(https://evil.example/p.svg#p)"/>"#,
            "<style>@import url(http://evil.example/a.css);</style>",
            "<foreignObject><h:p>x</h:p></foreignObject>",
            r#"<image href="https://evil.example/p.png"/>"#,
            r#"<?xml-stylesheet href="http://evil.example/a.css"?><rect/>"#,
        ] {
            assert!(!is_safe(&svg(inner)), "{inner}");
        }
        assert!(!is_safe(b"<svg/onload=alert(1)>"));
        assert!(!is_safe(
            br#"<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>"#
        ));
    }
}
