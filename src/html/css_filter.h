#pragma once
// The style attribute of sanitized HTML: the declarations that color, align and size text, as
// feedparser keeps them; nothing that positions or loads (url(), @import, expression()).
#include <optional>
#include <string>
#include <string_view>

namespace pebble::html {

// The declarations of `style` that are kept, each as `property: value;` joined by spaces; nullopt
// when none is (the attribute then goes). A value with anything but words, numbers, colors,
// lengths and rgb()/hsl() functions goes whole.
std::optional<std::string> filter_style(std::string_view style);

}  // namespace pebble::html
