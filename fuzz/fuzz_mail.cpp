// Fuzzes the mail decoder of src/input/ (see fuzz_input.hpp for what it checks).
#include "fuzz_input.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  check_decoder(data, size, followup::input::Format::kEmail);
  return 0;
}
