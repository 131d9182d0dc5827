#include "report/html.h"

#include "report/verdict_words.h"

namespace claimcheck::report {

void AppendEscaped(std::string* out, std::string_view s) {
  // The one clean-up every report string gets (report/verdict_words.h):
  // invalid UTF-8 to U+FFFD, control characters other than tab and newline
  // dropped. Then the five characters markup gives a meaning.
  for (const char c : CleanText(s)) {
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      case '\'':
        out->append("&#39;");
        break;
      default:
        out->push_back(c);
    }
  }
}

std::string Escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  AppendEscaped(&out, s);
  return out;
}

const char* BaseStylesheet() {
  return R"css(
:root{--supported:#1a7f37;--contested:#9a6700;--refuted:#cf222e;
--unsourced:#8250df;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;
--paper:#fff;--tint:#f6f8fa}
*{box-sizing:border-box}
body{margin:0 auto;max-width:60rem;padding:1.5rem;color:var(--ink);
background:var(--paper);font:16px/1.55 system-ui,-apple-system,"Segoe UI",
Roboto,"Noto Sans",sans-serif}
h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 .6rem}
h2{font-size:1.25rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line);
padding-bottom:.3rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.92rem}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;
vertical-align:top}
th{background:var(--tint)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
code,.mono{font-family:ui-monospace,"SFMono-Regular",Menlo,Consolas,
monospace;font-size:.88em}
.muted{color:var(--muted)}
.badge{display:inline-block;padding:0 .45em;border-radius:.3em;color:#fff;
font-size:.8rem;font-weight:600;letter-spacing:.02em;white-space:nowrap}
.flag{display:inline-block;padding:0 .4em;border:1px solid var(--line);
border-radius:.3em;font-size:.78rem;margin:0 .2em .1em 0;white-space:nowrap}
.v-supported{--v:var(--supported)}.v-contested{--v:var(--contested)}
.v-refuted{--v:var(--refuted)}.v-unsourced{--v:var(--unsourced)}
.badge.v-supported,.badge.v-contested,.badge.v-refuted,.badge.v-unsourced{
background:var(--v)}
ul.reasons{margin:.3rem 0 .3rem 1.2rem;padding:0}
@media print{body{max-width:none;padding:0;font-size:11pt}
a{color:inherit;text-decoration:none}
h2{break-after:avoid}tr,li,.claim-card{break-inside:avoid}
.badge{border:1px solid #000;color:#000!important;background:none!important}
.no-print{display:none!important}}
)css";
}

std::string HtmlHead(std::string_view title, std::string_view extra_css) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
      "'none'; style-src 'unsafe-inline'; img-src data:\">\n<title>";
  AppendEscaped(&out, title);
  out += "</title>\n<style>";
  out += BaseStylesheet();
  out.append(extra_css);
  out += "</style>\n</head>\n<body>\n";
  return out;
}

}  // namespace claimcheck::report
