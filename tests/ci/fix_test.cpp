// End-to-end tests of --fix (SPEC §6): safe fixes are applied pass after pass
// until nothing changes, the draft is replaced atomically with its
// permissions kept, a file with an input.encoding error is never touched,
// --dry-run only prints a unified diff, and whenever the draft cannot be
// rewritten safely (read-only file, another user's file, changed after it was
// read, full disk, folder without write permission) the original survives
// byte for byte, no temporary file is left, the error says why, and the exit
// code is 2.
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/skip.hpp"
#include "support/temp_dir.hpp"

namespace fs = std::filesystem;
using followup::testing::find_program;
using followup::testing::read_text;
using followup::testing::run_command;
using followup::testing::run_linter;
using followup::testing::RunResult;
using followup::testing::TempDir;

namespace {

// Safe fixes: salutation.punctuation (add ','), style.repeated-word twice
// ("the the the": the second removal only applies on a later pass, since the
// two fixes touch each other), closing.unprofessional ("Cheers," -> "Sincerely,").
// cliche.soft-skill has no fix and stays.
const std::string kFixable = R"(Dear Mr. Jones

Thank you for the the the time you gave me today about the Customer Service Associate position. I am a team player.

If you have any further questions, you can reach me at (555) 010-4477. Thank you again for your time.

Cheers,
Ana Cruz
(555) 010-4477
)";

const std::string kFixed = R"(Dear Mr. Jones,

Thank you for the time you gave me today about the Customer Service Associate position. I am a team player.

If you have any further questions, you can reach me at (555) 010-4477. Thank you again for your time.

Sincerely,
Ana Cruz
(555) 010-4477
)";

bool has_rule(const std::string& out, const std::string& rule) {
  return out.find("[" + rule + "]") != std::string::npos;
}
bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

RunResult lint(const TempDir& dir, std::vector<std::string> args,
               const std::vector<std::string>& env = {}) {
  args.insert(args.begin(), {"--color", "never"});
  return run_linter(args, "", dir.str(), env);
}

mode_t mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// Files in `folder` other than the ones named: a temporary file left behind.
std::vector<std::string> other_files(const fs::path& folder,
                                     const std::vector<std::string>& expected) {
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(folder)) {
    std::string name = entry.path().filename().string();
    if (std::find(expected.begin(), expected.end(), name) == expected.end()) out.push_back(name);
  }
  return out;
}
std::vector<std::string> other_files(const TempDir& dir, const std::vector<std::string>& expected) {
  return other_files(dir.path(), expected);
}

// The user tests that need one without write access run the linter as:
// nobody (uid and gid 65534) when the suite runs as root, as CI does (root
// may write anywhere); otherwise the current user.
constexpr uid_t kNobody = 65534;
bool as_nobody() { return ::geteuid() == 0; }

// Runs the linter in `dir` as that user. The folder is opened to others so
// that nobody can reach the drafts in it.
RunResult lint_unprivileged(const TempDir& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {"--color", "never"});
  if (!as_nobody()) return run_linter(args, "", dir.str());
  REQUIRE(::chmod(dir.str().c_str(), 0755) == 0);
  std::string setpriv = find_program("setpriv");
  REQUIRE_FALSE(setpriv.empty());  // util-linux: present wherever the suite runs as root
  std::vector<std::string> argv = {setpriv, "--reuid=65534", "--regid=65534", "--clear-groups",
                                   FOLLOWUP_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_command(argv, dir.str());
}

struct stat stat_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st;
}

// A small tmpfs mounted over `folder` for the test's lifetime (root only).
class SmallDisk {
 public:
  explicit SmallDisk(const std::string& folder) : folder_(folder) {
    if (::mount("tmpfs", folder.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0755") ==
        0) {
      mounted_ = true;
    } else {
      why_ = std::strerror(errno);
    }
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(folder_.c_str(), MNT_DETACH);
  }
  SmallDisk(const SmallDisk&) = delete;
  SmallDisk& operator=(const SmallDisk&) = delete;
  bool mounted() const { return mounted_; }
  const std::string& why() const { return why_; }

  // Writes `name` until the disk is full.
  void fill(const std::string& name) const {
    int fd = ::open((folder_ + "/" + name).c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    REQUIRE(fd >= 0);
    std::string block(4096, 'x');
    while (::write(fd, block.data(), block.size()) > 0) {
    }
    CHECK(errno == ENOSPC);
    ::close(fd);
  }

 private:
  std::string folder_;
  bool mounted_ = false;
  std::string why_;
};

}  // namespace

TEST_CASE(
    "cli: --fix applies safe fixes until nothing changes / a re-lint is clean for the fixed rules",
    "[ci][fix]") {
  TempDir dir;
  std::string draft = dir.write("note.txt", kFixable);

  auto before = lint(dir, {"note.txt"});
  CHECK(before.exit_code == 1);
  for (const auto* rule :
       {"salutation.punctuation", "style.repeated-word", "closing.unprofessional"})
    CHECK(has_rule(before.out, rule));

  auto fixed = lint(dir, {"--fix", "note.txt"});
  INFO(fixed.out << fixed.err);
  CHECK(fixed.exit_code == 1);  // the cliché has no fix and is still reported
  CHECK(read_text(draft) == kFixed);
  CHECK(contains(fixed.err, "applied 4 fixes"));
  CHECK(has_rule(fixed.out, "cliche.soft-skill"));
  for (const auto* rule :
       {"salutation.punctuation", "style.repeated-word", "closing.unprofessional"})
    CHECK_FALSE(has_rule(fixed.out, rule));

  auto relint = lint(dir, {"note.txt"});
  CHECK(relint.exit_code == 1);
  CHECK(has_rule(relint.out, "cliche.soft-skill"));
  for (const auto* rule :
       {"salutation.punctuation", "style.repeated-word", "closing.unprofessional"})
    CHECK_FALSE(has_rule(relint.out, rule));

  // A second --fix finds nothing to do and leaves the file as it is.
  auto again = lint(dir, {"--fix", "note.txt"});
  CHECK_FALSE(contains(again.err, "applied"));
  CHECK(read_text(draft) == kFixed);
  CHECK(other_files(dir, {"note.txt"}).empty());
}

TEST_CASE("cli: --fix keeps the draft's permissions", "[ci][fix]") {
  TempDir dir;
  std::string draft = dir.write("note.txt", kFixable);
  REQUIRE(::chmod(draft.c_str(), 0640) == 0);
  auto r = lint(dir, {"--fix", "note.txt"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(read_text(draft) == kFixed);
  CHECK(mode_of(draft) == 0640);

  std::string other = dir.write("other.txt", kFixable);
  REQUIRE(::chmod(other.c_str(), 0604) == 0);
  lint(dir, {"--fix", "other.txt"});
  CHECK(read_text(other) == kFixed);
  CHECK(mode_of(other) == 0604);
}

TEST_CASE("cli: --fix never touches a file with an input.encoding error", "[ci][fix]") {
  TempDir dir;
  // Fixable text around an invalid byte: nothing may be rewritten.
  std::string bytes =
      "Dear Mr. Jones\n\nThank you \xff\xfe for the the time.\n\nCheers,\nAna Cruz\n";
  std::string draft = dir.write("bad-bytes.txt", bytes);
  std::string nul_text =
      std::string("Dear Mr. Jones\n\nThe the ") + '\0' + " time.\n\nCheers,\nAna Cruz\n";
  std::string nul = dir.write("nul.txt", nul_text);
  auto r = lint(dir, {"--fix", "bad-bytes.txt", "nul.txt"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK(has_rule(r.out, "input.encoding"));
  CHECK_FALSE(contains(r.err, "applied"));
  CHECK(read_text(draft) == bytes);
  CHECK(read_text(nul) == nul_text);
  CHECK(other_files(dir, {"bad-bytes.txt", "nul.txt"}).empty());
}

TEST_CASE("cli: --fix --dry-run prints a unified diff and leaves the file byte-identical",
          "[ci][fix]") {
  TempDir dir;
  std::string draft = dir.write("note.txt", kFixable);
  REQUIRE(::chmod(draft.c_str(), 0640) == 0);
  struct stat before {};
  REQUIRE(::stat(draft.c_str(), &before) == 0);

  auto r = lint(dir, {"--fix", "--dry-run", "note.txt"});
  INFO(r.out << r.err);
  CHECK(r.exit_code != 2);
  CHECK(contains(r.out, "--- a/note.txt\n+++ b/note.txt\n@@ -1,"));
  CHECK(contains(r.out, "\n-Dear Mr. Jones\n"));
  CHECK(contains(r.out, "\n+Dear Mr. Jones,\n"));
  CHECK(contains(r.out, "\n-Cheers,\n"));
  CHECK(contains(r.out, "\n+Sincerely,\n"));
  CHECK(contains(r.out, "\n+Thank you for the time you gave me today"));
  CHECK(contains(r.out, "\n Ana Cruz\n"));  // context line
  CHECK_FALSE(contains(r.err, "applied"));

  CHECK(read_text(draft) == kFixable);
  struct stat after {};
  REQUIRE(::stat(draft.c_str(), &after) == 0);
  CHECK(after.st_ino == before.st_ino);  // not replaced by an identical copy either
  CHECK(mode_of(draft) == 0640);
  CHECK(other_files(dir, {"note.txt"}).empty());

  // Nothing to fix: no diff at all.
  std::string clean = dir.write("clean.txt", kFixed);
  auto none = lint(dir, {"--fix", "--dry-run", "clean.txt"});
  CHECK_FALSE(contains(none.out, "--- a/"));
  CHECK(read_text(clean) == kFixed);
}

TEST_CASE("a failing --fix write leaves the original intact / says why and exits 2", "[ci][fix]") {
  SECTION(
      "test seam FOLLOWUP_LINT_TEST_FAIL_WRITE=1: the write fails after the temporary file "
      "exists") {
    TempDir dir;
    std::string draft = dir.write("note.txt", kFixable);
    REQUIRE(::chmod(draft.c_str(), 0640) == 0);
    auto r = lint(dir, {"--fix", "note.txt"}, {"FOLLOWUP_LINT_TEST_FAIL_WRITE=1"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "note.txt: error: cannot write the fixed draft: "));
    CHECK(contains(r.err, "the original is unchanged"));
    CHECK(read_text(draft) == kFixable);
    CHECK(mode_of(draft) == 0640);
    CHECK(other_files(dir, {"note.txt"}).empty());  // the temporary file is gone
    // Nothing was written, so the report is about the draft as it is on disk.
    CHECK(has_rule(r.out, "salutation.punctuation"));
    CHECK_FALSE(contains(r.err, "applied"));
  }
  SECTION("a folder without write permission: no temporary file can be created") {
    // As nobody, a folder owned by root (0755) is not writable; as any other
    // user, the folder is made read-only. The draft itself is writable.
    TempDir dir;
    std::string draft = dir.write("ro/note.txt", kFixable);
    std::string folder = (dir / "ro").string();
    REQUIRE(::chmod(draft.c_str(), 0666) == 0);
    REQUIRE(::chmod(folder.c_str(), as_nobody() ? 0755 : 0555) == 0);
    auto r = lint_unprivileged(dir, {"--fix", "ro/note.txt"});
    ::chmod(folder.c_str(), 0755);
    INFO(r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK(
        contains(r.err,
                 "ro/note.txt: error: cannot create a temporary file beside it: Permission denied; "
                 "the original is unchanged"));
    CHECK(read_text(draft) == kFixable);
    CHECK(other_files(fs::path(folder), {"note.txt"}).empty());
  }
}

TEST_CASE("cli: --fix refuses a read-only draft / the original stays byte for byte and exit is 2",
          "[ci][fix]") {
  SECTION("no write permission bits: refused even as root, who could replace it") {
    TempDir dir;
    std::string draft = dir.write("note.txt", kFixable);
    REQUIRE(::chmod(draft.c_str(), 0444) == 0);
    auto before = stat_of(draft);
    auto r = lint(dir, {"--fix", "note.txt"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK(
        contains(r.err,
                 "note.txt: error: cannot apply the fixes: the file is read-only (mode 0444); the "
                 "original is unchanged"));
    CHECK(read_text(draft) == kFixable);
    CHECK(stat_of(draft).st_ino == before.st_ino);
    CHECK(mode_of(draft) == 0444);
    CHECK(other_files(dir, {"note.txt"}).empty());
    CHECK(has_rule(r.out, "salutation.punctuation"));  // still reported, as read
    CHECK_FALSE(contains(r.err, "applied"));

    // A link to it: the same refusal, and the link stays.
    REQUIRE(::symlink("note.txt", (dir / "link.txt").c_str()) == 0);
    auto linked = lint(dir, {"--fix", "link.txt"});
    CHECK(linked.exit_code == 2);
    CHECK(contains(linked.err, "link.txt: error: cannot apply the fixes: the file is read-only"));
    CHECK(fs::is_symlink(dir / "link.txt"));
    CHECK(read_text(draft) == kFixable);
  }
  SECTION("another user's draft in a folder anyone may write: not replaced behind its owner") {
    // rename() would succeed here, since the folder is writable; only the
    // draft's own permission says no. As nobody, the draft is root's (0644);
    // as another user, the draft is the user's own with its write bits off.
    TempDir dir;
    std::string draft = dir.write("shared/note.txt", kFixable);
    std::string folder = (dir / "shared").string();
    REQUIRE(::chmod(folder.c_str(), 0777) == 0);
    REQUIRE(::chmod(draft.c_str(), as_nobody() ? 0644 : 0444) == 0);
    auto before = stat_of(draft);
    auto r = lint_unprivileged(dir, {"--fix", "shared/note.txt"});
    INFO(r.out << r.err);
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, "shared/note.txt: error: cannot apply the fixes: "));
    if (as_nobody())
      CHECK(contains(
          r.err, "no permission to write the file (Permission denied); the original is unchanged"));
    CHECK(read_text(draft) == kFixable);
    auto after = stat_of(draft);
    CHECK(after.st_ino == before.st_ino);
    CHECK(after.st_uid == before.st_uid);
    CHECK(other_files(fs::path(folder), {"note.txt"}).empty());
    if (as_nobody()) {
      // The same draft made writable for nobody is fixed, keeping its owner where allowed.
      REQUIRE(::chmod(draft.c_str(), 0666) == 0);
      auto ok = lint_unprivileged(dir, {"--fix", "shared/note.txt"});
      INFO(ok.out << ok.err);
      CHECK(ok.exit_code == 1);
      CHECK(read_text(draft) == kFixed);
      CHECK(mode_of(draft) == 0666);
      CHECK(stat_of(draft).st_uid == kNobody);  // nobody may not give a file to root
    }
  }
}

TEST_CASE("cli: --fix leaves a draft changed after it was read as it is now / exit 2",
          "[ci][fix]") {
  // Test seam FOLLOWUP_LINT_TEST_CHANGE_BEFORE_RENAME=1: after the fixed text is on disk in
  // the temporary file and before the rename, a line is appended to the draft, as an
  // editor saving it meanwhile would. That save must win.
  TempDir dir;
  std::string draft = dir.write("note.txt", kFixable);
  const std::string saved = kFixable + "\nP.S. saved by another program\n";
  auto r = lint(dir, {"--fix", "note.txt"}, {"FOLLOWUP_LINT_TEST_CHANGE_BEFORE_RENAME=1"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err,
                 "note.txt: error: cannot apply the fixes: another program changed it after it "
                 "was read; it is left as it is now, run --fix again"));
  CHECK(read_text(draft) == saved);
  CHECK(other_files(dir, {"note.txt"}).empty());
  CHECK_FALSE(contains(r.err, "applied"));

  // Run again, without the other program: the fixes go in, the saved line stays.
  auto again = lint(dir, {"--fix", "note.txt"});
  CHECK(again.exit_code == 1);
  CHECK(read_text(draft) == kFixed + "\nP.S. saved by another program\n");
}

TEST_CASE("cli: --fix on the same draft given twice writes it once and succeeds", "[ci][fix]") {
  TempDir dir;
  std::string draft = dir.write("drafts/note.txt", kFixable);
  auto r = lint(dir, {"--fix", "--jobs", "2", "drafts", "drafts/note.txt"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK_FALSE(contains(r.err, "error:"));
  CHECK(read_text(draft) == kFixed);
  CHECK(other_files(dir / "drafts", {"note.txt"}).empty());
}

TEST_CASE("cli: --fix on a full disk leaves the original intact / says why and exits 2",
          "[ci][fix][skippable]") {
  // The test seam for a failing write is covered above; this is the real thing, on a 64 KiB
  // tmpfs, where root may mount one.
  TempDir dir;
  std::string folder = dir.mkdir("disk");
  if (::geteuid() != 0) {
    FOLLOWUP_SKIP("full disk on a real tmpfs: mounting needs root; the test seam covers it");
  }
  SmallDisk disk(folder);
  if (!disk.mounted()) {
    FOLLOWUP_SKIP("full disk on a real tmpfs: cannot mount a tmpfs here ("
                  << disk.why() << "); the test seam covers it");
  }
  std::string draft = folder + "/note.txt";
  followup::testing::write_text(draft, kFixable);
  REQUIRE(::chmod(draft.c_str(), 0640) == 0);
  disk.fill("filler");
  auto r = lint(dir, {"--fix", "disk/note.txt"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "disk/note.txt: error: "));
  CHECK(contains(r.err, "No space left on device; the original is unchanged"));
  CHECK(read_text(draft) == kFixable);
  CHECK(mode_of(draft) == 0640);
  CHECK(other_files(fs::path(folder), {"note.txt", "filler"}).empty());

  // With room again, the same run succeeds.
  REQUIRE(::unlink((folder + "/filler").c_str()) == 0);
  auto ok = lint(dir, {"--fix", "disk/note.txt"});
  CHECK(ok.exit_code == 1);
  CHECK(read_text(draft) == kFixed);
  CHECK(other_files(fs::path(folder), {"note.txt"}).empty());
}
