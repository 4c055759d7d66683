// Writing a fixed draft: through a temporary file and a rename, so that a
// draft is never left half-written and an edit saved meanwhile is never lost.
#pragma once

#include <string>

namespace followup::cli {

// Replaces `path` with `text` through a temporary file in the same folder,
// flushed to disk and renamed over the original, keeping its permissions
// (and, where allowed, its owner). A symlink is followed: the file it names
// is replaced, the link is kept. `original` is what the caller read and
// computed `text` from: the file is replaced only if it still holds exactly
// those bytes just before the rename, so an edit saved meanwhile by another
// program is never lost. A file without write permission (no write bits in
// its mode, even for root, or not writable by this user) is refused rather
// than replaced. On any failure the original is untouched byte for byte, no
// temporary file is left behind, and `error` says why.
bool write_atomically(const std::string& path, const std::string& text, const std::string& original,
                      std::string& error);

}  // namespace followup::cli
