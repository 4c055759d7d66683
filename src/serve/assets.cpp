#include "serve/assets.hpp"

#include <array>

namespace followup::serve {
namespace {

// Each .inc file holds one raw string literal, generated at build time.
constexpr std::string_view kIndexHtml =
#include "serve_assets/index.html.inc"
    ;
constexpr std::string_view kAppJs =
#include "serve_assets/app.js.inc"
    ;
constexpr std::string_view kStyleCss =
#include "serve_assets/style.css.inc"
    ;

constexpr std::array kAssets = {
    Asset{"/", "text/html; charset=utf-8", kIndexHtml},
    Asset{"/app.js", "text/javascript; charset=utf-8", kAppJs},
    Asset{"/style.css", "text/css; charset=utf-8", kStyleCss},
};

}  // namespace

const Asset* find_asset(std::string_view path) {
  for (const Asset& asset : kAssets) {
    if (asset.path == path) return &asset;
  }
  return nullptr;
}

}  // namespace followup::serve
