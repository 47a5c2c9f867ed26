#include "html/allow_list.h"

#include <unordered_set>

namespace pebble::html {

namespace {

using NameSet = std::unordered_set<std::string_view>;

const NameSet kHtmlKept{
    "a",      "abbr",     "acronym", "address",    "area",     "article", "aside",  "audio", "b",
    "bdi",    "bdo",      "big",     "blockquote", "br",       "caption", "center", "cite",  "code",
    "col",    "colgroup", "data",    "dd",         "del",      "details", "dfn",    "dir",   "div",
    "dl",     "dt",       "em",      "figcaption", "figure",   "font",    "footer", "h1",    "h2",
    "h3",     "h4",       "h5",      "h6",         "header",   "hgroup",  "hr",     "i",     "img",
    "ins",    "kbd",      "li",      "main",       "map",      "mark",    "menu",   "meter", "nav",
    "ol",     "p",        "picture", "pre",        "progress", "q",       "rb",     "rp",    "rt",
    "rtc",    "ruby",     "s",       "samp",       "section",  "small",   "source", "span",  "strike",
    "strong", "sub",      "summary", "sup",        "table",    "tbody",   "td",     "tfoot", "th",
    "thead",  "time",     "tr",      "track",      "tt",       "u",       "ul",     "var",   "video",
    "wbr"};

// Active content and what only makes sense with it; their text is code or styling, not content.
const NameSet kHtmlDropped{"script", "style", "template", "applet",   "embed", "param",  "base",
                           "link",   "meta",  "frame",    "frameset", "head",  "bgsound"};

// Raw text in HTML5 that older readers showed as markup: the fallback a reader without frames sees.
const NameSet kHtmlReparsed{"iframe", "noembed", "noframes"};

const NameSet kHtmlAttributes{
    "abbr",        "align",   "alt",      "axis",    "background", "bgcolor",  "border",  "cellpadding",
    "cellspacing", "char",    "charoff",  "cite",    "class",      "clear",    "color",   "cols",
    "colspan",     "compact", "controls", "coords",  "datetime",   "dir",      "face",    "headers",
    "height",      "href",    "hreflang", "hspace",  "id",         "ismap",    "label",   "lang",
    "longdesc",    "loop",    "media",    "muted",   "name",       "nohref",   "noshade", "nowrap",
    "open",        "poster",  "preload",  "rel",     "rev",        "reversed", "rows",    "rowspan",
    "rules",       "scope",   "shape",    "size",    "sizes",      "span",     "src",     "srcset",
    "start",       "style",   "summary",  "target",  "title",      "type",     "usemap",  "valign",
    "value",       "vspace",  "width",    "xml:lang"};

// SVG Tiny's shapes, text and paint servers; no animation (<set> and <animate> can rewrite an href
// to javascript:), no <foreignObject>, no <script> or <style>.
const NameSet kSvgKept{
    "svg",    "a",       "circle",  "clipPath",       "defs",           "desc",  "ellipse",
    "g",      "image",   "line",    "linearGradient", "marker",         "mask",  "metadata",
    "path",   "pattern", "polygon", "polyline",       "radialGradient", "rect",  "stop",
    "switch", "symbol",  "text",    "textPath",       "title",          "tspan", "use"};

const NameSet kSvgAttributes{"class",
                             "clip-path",
                             "clip-rule",
                             "clipPathUnits",
                             "color",
                             "cx",
                             "cy",
                             "d",
                             "dx",
                             "dy",
                             "fill",
                             "fill-opacity",
                             "fill-rule",
                             "font-family",
                             "font-size",
                             "font-style",
                             "font-weight",
                             "fx",
                             "fy",
                             "gradientTransform",
                             "gradientUnits",
                             "height",
                             "href",
                             "id",
                             "lang",
                             "marker-end",
                             "marker-mid",
                             "marker-start",
                             "markerHeight",
                             "markerUnits",
                             "markerWidth",
                             "mask",
                             "offset",
                             "opacity",
                             "orient",
                             "pathLength",
                             "patternContentUnits",
                             "patternTransform",
                             "patternUnits",
                             "points",
                             "preserveAspectRatio",
                             "r",
                             "refX",
                             "refY",
                             "rotate",
                             "rx",
                             "ry",
                             "spreadMethod",
                             "stop-color",
                             "stop-opacity",
                             "stroke",
                             "stroke-dasharray",
                             "stroke-dashoffset",
                             "stroke-linecap",
                             "stroke-linejoin",
                             "stroke-miterlimit",
                             "stroke-opacity",
                             "stroke-width",
                             "text-anchor",
                             "transform",
                             "version",
                             "viewBox",
                             "visibility",
                             "width",
                             "x",
                             "x1",
                             "x2",
                             "xlink:href",
                             "xlink:title",
                             "xml:lang",
                             "xml:space",
                             "y",
                             "y1",
                             "y2"};

// MathML presentation markup; not <annotation-xml>, whose content may be HTML of any kind.
const NameSet kMathMlKept{"math",    "annotation", "maction",       "menclose", "merror",  "mfenced",
                          "mfrac",   "mi",         "mmultiscripts", "mn",       "mo",      "mover",
                          "mpadded", "mphantom",   "mprescripts",   "mroot",    "mrow",    "ms",
                          "mspace",  "msqrt",      "mstyle",        "msub",     "msubsup", "msup",
                          "mtable",  "mtd",        "mtext",         "mtr",      "munder",  "munderover",
                          "none",    "semantics"};

const NameSet kMathMlAttributes{
    "accent",       "accentunder",   "actiontype",    "align",     "close",      "columnalign",
    "columnlines",  "columnspacing", "columnspan",    "depth",     "dir",        "display",
    "displaystyle", "encoding",      "fence",         "form",      "frame",      "height",
    "id",           "largeop",       "linethickness", "lspace",    "lquote",     "mathbackground",
    "mathcolor",    "mathsize",      "mathvariant",   "maxsize",   "minsize",    "movablelimits",
    "notation",     "open",          "rowalign",      "rowlines",  "rowspacing", "rowspan",
    "rquote",       "rspace",        "scriptlevel",   "selection", "separator",  "separators",
    "stretchy",     "symmetric",     "width"};

const NameSet kVoid{"area",   "base", "br",   "col",   "embed",  "hr",    "img", "input",
                    "keygen", "link", "meta", "param", "source", "track", "wbr"};

}  // namespace

ElementRule element_rule(ElementSpace space, std::string_view name) {
  switch (space) {
    case ElementSpace::kSvg:
      return kSvgKept.contains(name) ? ElementRule::kKeep : ElementRule::kDrop;
    case ElementSpace::kMathMl:
      return kMathMlKept.contains(name) ? ElementRule::kKeep : ElementRule::kDrop;
    case ElementSpace::kHtml:
      break;
  }
  if (kHtmlKept.contains(name)) return ElementRule::kKeep;
  if (kHtmlDropped.contains(name)) return ElementRule::kDrop;
  if (kHtmlReparsed.contains(name)) return ElementRule::kReparseContent;
  return ElementRule::kUnwrap;
}

bool is_allowed_attribute(ElementSpace space, std::string_view name) {
  switch (space) {
    case ElementSpace::kSvg:
      return kSvgAttributes.contains(name);
    case ElementSpace::kMathMl:
      return kMathMlAttributes.contains(name);
    case ElementSpace::kHtml:
      break;
  }
  return kHtmlAttributes.contains(name);
}

bool is_void_element(std::string_view name) {
  return kVoid.contains(name);
}

}  // namespace pebble::html
