#include "match/prefilter.hpp"

#include "text/compare.hpp"


#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <unordered_map>

#include "core/utf8.hpp"
#include "match/builtin_atoms.hpp"

namespace followup::match {
namespace {

// Every built-in atom, numbered, and tables to find them in one pass:
// one-byte atoms by a byte table, two-byte atoms by a bitmap of the byte
// pairs present, longer atoms bucketed by a hash of their first three bytes
// (most positions land in an empty bucket).
struct AtomIndex {
  static constexpr size_t kBuckets = 4096;
  static size_t bucket(const unsigned char* p) { return (p[0] * 961u + p[1] * 31u + p[2]) & (kBuckets - 1); }

  std::unordered_map<std::string_view, PatternAtoms> patterns;
  std::vector<const PatternAtoms*> by_id;
  std::vector<std::string_view> atoms;
  std::array<int32_t, 256> byte_atom{};             // byte -> atom id, or -1
  std::vector<std::pair<uint16_t, uint32_t>> pair_atoms;  // two bytes (big-endian) -> atom id
  std::vector<uint32_t> bucket_start;               // kBuckets + 1 offsets into bucket_atoms
  std::vector<uint32_t> bucket_atoms;               // atom ids of three bytes or more, by bucket
  size_t longest = 1;                               // bytes in the longest atom
};

const AtomIndex& index() {
  static const AtomIndex built = [] {
    AtomIndex out;
    out.byte_atom.fill(-1);
    std::unordered_map<std::string_view, uint32_t> ids;
    uint32_t pattern_id = 0;
    for (const auto& entry : builtin_pattern_atoms()) {
      PatternAtoms atoms;
      atoms.known = true;
      atoms.id = pattern_id++;
      for (const auto& clause : entry.clauses) {
        std::vector<uint32_t> global;
        for (uint16_t local : clause) {
          std::string_view atom = entry.atoms[local];
          auto [it, added] = ids.emplace(atom, static_cast<uint32_t>(out.atoms.size()));
          if (added) out.atoms.push_back(atom);
          global.push_back(it->second);
        }
        atoms.clauses.push_back(std::move(global));
      }
      out.patterns.emplace(entry.pattern, std::move(atoms));
    }
    out.by_id.resize(pattern_id);
    for (const auto& [pattern, atoms] : out.patterns) out.by_id[atoms.id] = &atoms;
    std::vector<std::vector<uint32_t>> buckets(AtomIndex::kBuckets);
    for (uint32_t id = 0; id < out.atoms.size(); ++id) {
      std::string_view atom = out.atoms[id];
      const auto* bytes = reinterpret_cast<const unsigned char*>(atom.data());
      out.longest = std::max(out.longest, atom.size());
      if (atom.size() == 1) {
        out.byte_atom[bytes[0]] = static_cast<int32_t>(id);
      } else if (atom.size() == 2) {
        out.pair_atoms.emplace_back(static_cast<uint16_t>(bytes[0] << 8 | bytes[1]), id);
      } else if (atom.size() > 2) {
        buckets[AtomIndex::bucket(bytes)].push_back(id);
      }
    }
    out.bucket_start.push_back(0);
    for (const auto& b : buckets) {
      out.bucket_atoms.insert(out.bucket_atoms.end(), b.begin(), b.end());
      out.bucket_start.push_back(static_cast<uint32_t>(out.bucket_atoms.size()));
    }
    return out;
  }();
  return built;
}

// Appends `text` lowercased the way RE2's prefilter lowercases atoms
// (simple Unicode lowercase mapping, code point by code point).
void append_lowercase(std::string& out, std::string_view text, std::array<bool, 256>& bytes) {
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : static_cast<char>(c);
      out.push_back(lower);
      bytes[static_cast<unsigned char>(lower)] = true;
      ++i;
      continue;
    }
    auto [cp, length] = core::decode_utf8(text, static_cast<uint32_t>(i));
    if (cp == 0xFFFD && text.substr(i, 3) != "\xEF\xBF\xBD") {  // not UTF-8: keep the byte
      out.push_back(text[i]);
      bytes[c] = true;
      ++i;
      continue;
    }
    size_t before = out.size();
    core::append_utf8(out, text::to_lower(static_cast<char32_t>(cp)));
    for (size_t k = before; k < out.size(); ++k) bytes[static_cast<unsigned char>(out[k])] = true;
    i += length;
  }
}

}  // namespace

PatternAtoms atoms_for(std::string_view pattern) {
  const auto& patterns = index().patterns;
  auto it = patterns.find(pattern);
  return it == patterns.end() ? PatternAtoms{} : it->second;
}

AtomHits AtomHits::scan(std::string_view text) {
  const AtomIndex& idx = index();
  std::vector<bool> present(idx.atoms.size(), false);
  std::array<bool, 256> bytes{};
  std::vector<uint64_t> pairs(65536 / 64, 0);
  // Chunks overlap by the longest atom, so an atom across a boundary is seen.
  constexpr size_t kChunk = 64 * 1024;
  std::string lowered;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = std::min(text.size(), pos + kChunk);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    size_t carry = std::min(lowered.size(), idx.longest - 1);
    lowered.erase(0, lowered.size() - carry);
    append_lowercase(lowered, text.substr(pos, end - pos), bytes);
    const auto* data = reinterpret_cast<const unsigned char*>(lowered.data());
    const size_t n = lowered.size();
    for (size_t i = 0; i + 1 < n; ++i) {
      unsigned pair = static_cast<unsigned>(data[i]) << 8 | data[i + 1];
      pairs[pair >> 6] |= uint64_t{1} << (pair & 63);
      if (i + 2 >= n) continue;
      size_t b = AtomIndex::bucket(data + i);
      for (uint32_t k = idx.bucket_start[b]; k < idx.bucket_start[b + 1]; ++k) {
        uint32_t id = idx.bucket_atoms[k];
        std::string_view atom = idx.atoms[id];
        if (!present[id] && atom.size() <= n - i && std::memcmp(data + i, atom.data(), atom.size()) == 0)
          present[id] = true;
      }
    }
    pos = end;
  }
  for (size_t b = 0; b < bytes.size(); ++b)
    if (bytes[b] && idx.byte_atom[b] >= 0) present[static_cast<size_t>(idx.byte_atom[b])] = true;
  for (auto [pair, id] : idx.pair_atoms)
    if (pairs[pair >> 6] >> (pair & 63) & 1) present[id] = true;

  AtomHits hits;
  hits.all_ = false;
  hits.passes_.assign(idx.by_id.size(), true);
  for (size_t p = 0; p < idx.by_id.size(); ++p) {
    for (const auto& clause : idx.by_id[p]->clauses) {
      bool satisfied = false;
      for (uint32_t id : clause) satisfied = satisfied || present[id];
      if (!satisfied) {
        hits.passes_[p] = false;
        break;
      }
    }
  }
  return hits;
}


}  // namespace followup::match
