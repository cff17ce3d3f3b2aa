// TextSink: where a writer sends its output, chunk by chunk (a file, standard output, a string).
#pragma once

#include <functional>
#include <string_view>

namespace preplab::io {

using TextSink = std::function<void(std::string_view chunk)>;

} // namespace preplab::io
