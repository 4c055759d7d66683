// Fuzzes the language server from the wire: bytes go to Server::receive in
// chunks, as reads from a pipe would deliver them, and replies go to a sink
// that serializes them as serve() does, then drops them. Bad framing, bad JSON and bad params must
// become error replies or log lines, never a crash or an escaping exception.
//
// Input layout: byte 0 mod 8 is a count n of chunk sizes, the next n bytes
// are the sizes (each byte + 1), used in turn until the rest of the input is
// sent. So a seed starting with "0" sends the rest in one piece, and seeds
// stay readable text (see corpus/lsp/).
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_support.hpp"
#include "lsp/server.hpp"
#include "lint/workspace.hpp"

using namespace followup;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // One workspace for the process, as in a real session: it caches the rule
  // set. Each input gets a fresh server (a new session).
  static lint::Workspace workspace{lint::WorkspaceOptions{}};
  static size_t runs = 0;
  if (++runs % 4096 == 0) workspace.invalidate();  // bounds the per-folder config cache

  std::string_view input = fuzz::as_text(data, size);
  std::vector<size_t> chunks;
  if (!input.empty()) {
    size_t n = static_cast<unsigned char>(input[0]) % 8;
    input.remove_prefix(1);
    for (; n > 0 && !input.empty(); --n) {
      chunks.push_back(static_cast<unsigned char>(input[0]) + size_t{1});
      input.remove_prefix(1);
    }
  }

  lsp::Server server(workspace, [](const lsp::json& message) { (void)lsp::to_text(message); });
  for (size_t i = 0; !input.empty() && !server.exited(); ++i) {
    size_t take = chunks.empty() ? input.size() : std::min(input.size(), chunks[i % chunks.size()]);
    server.receive(input.substr(0, take));
    input.remove_prefix(take);
  }
  return 0;
}
