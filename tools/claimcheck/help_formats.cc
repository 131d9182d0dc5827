// A man page and a bash completion script from the help text
// (docs/conventions.md): what an option is, which take a value and which
// formats a command allows are read from the help strings, so the three
// never disagree.
#include "help_formats.h"

#include <cctype>
#include <set>
#include <sstream>

namespace claimcheck::cli {

namespace {

// One line of help as man(7) text: backslashes escaped, a line that would
// start with a control character guarded.
std::string ManLine(std::string_view line) {
  std::string out;
  if (!line.empty() && (line[0] == '.' || line[0] == '\'')) out = "\\&";
  for (char c : line) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  return out;
}

// A block of help text, verbatim (no filling, no adjusting).
std::string ManBlock(std::string_view text) {
  std::string out = ".nf\n";
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    out += line.find_first_not_of(' ') == std::string_view::npos
               ? std::string("\n")
               : ManLine(line) + "\n";
    start = end + 1;
  }
  return out + ".fi\n";
}

bool IsOptionChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
}

// Every option the text names: "--format", "-j", "-o" at a word start.
std::set<std::string> OptionsIn(std::string_view text) {
  std::set<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '-' || (i > 0 && IsOptionChar(text[i - 1]))) continue;
    std::size_t j = i + 1;
    if (j < text.size() && text[j] == '-') ++j;
    if (j >= text.size() ||
        !std::isalpha(static_cast<unsigned char>(text[j]))) {
      continue;
    }
    const std::size_t start = j;
    while (j < text.size() && IsOptionChar(text[j])) ++j;
    // "-j" is an option, "-job" a dash and a word: single-dash options are
    // one letter.
    if (text[i + 1] != '-' && j - start != 1) continue;
    std::string option(text.substr(i, j - i));
    while (option.back() == '-') option.pop_back();
    out.insert(option);
    i = j;
  }
  return out;
}

// Options followed by a placeholder in upper case ("--kb DIR", "-j N",
// "--max N"): they take a value.
std::set<std::string> OptionsWithValue(std::string_view text) {
  std::set<std::string> out;
  for (const std::string& option : OptionsIn(text)) {
    for (std::size_t at = text.find(option + " "); at != std::string::npos;
         at = text.find(option + " ", at + 1)) {
      const std::size_t v = at + option.size() + 1;
      if (v < text.size() &&
          std::isupper(static_cast<unsigned char>(text[v]))) {
        out.insert(option);
      }
    }
  }
  return out;
}

// The words of "[--format a|b|c]" in a command's help.
std::string FormatsIn(std::string_view help) {
  const std::size_t at = help.find("--format ");
  if (at == std::string_view::npos) return "";
  std::size_t i = at + 9;
  std::string out;
  while (
      i < help.size() &&
      (std::islower(static_cast<unsigned char>(help[i])) || help[i] == '|')) {
    out += help[i] == '|' ? ' ' : help[i];
    ++i;
  }
  return out.find(' ') == std::string::npos ? "" : out;
}

// "check stats coverage" from "Usage: claimcheck kb check …" lines: the
// lower-case word after the command in each usage line.
std::string SubcommandsIn(std::string_view help, const std::string& name) {
  std::string out;
  const std::string lead = "claimcheck " + name + " ";
  for (std::size_t at = help.find(lead); at != std::string_view::npos;
       at = help.find(lead, at + 1)) {
    std::size_t i = at + lead.size();
    std::string word;
    while (i < help.size() &&
           std::islower(static_cast<unsigned char>(help[i]))) {
      word += help[i++];
    }
    if (!word.empty() &&
        (i >= help.size() || help[i] == ' ' || help[i] == '\n')) {
      if ((" " + out + " ").find(" " + word + " ") == std::string::npos) {
        out += (out.empty() ? "" : " ") + word;
      }
    }
  }
  return out;
}

// The lines of `text` that list an option ("  --kb DIR  …"), so that an
// option named in passing ("1 --fail-on matched") is not taken for one.
std::string OptionLines(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    const std::size_t first = line.find_first_not_of(' ');
    if (first != std::string_view::npos && first > 0 && line[first] == '-') {
      out += std::string(line) + "\n";
    }
    start = end + 1;
  }
  return out;
}

std::string Joined(const std::set<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

}  // namespace

std::string ManPage(const std::vector<Command>& commands,
                    std::string_view global_help, std::string_view version) {
  std::ostringstream out;
  out << ".\\\" Generated by `claimcheck help --man` from the help text; do "
         "not edit.\n"
      << ".TH CLAIMCHECK 1 \"\" \"claimcheck " << version
      << "\" \"User Commands\"\n"
      << ".SH NAME\nclaimcheck \\- check health and wellness claims against "
         "curated and imported evidence\n"
      << ".SH SYNOPSIS\n.B claimcheck\n[\\fIglobal options\\fR] "
         "\\fIcommand\\fR [\\fIoptions\\fR] [\\fIargs\\fR]\n"
      << ".SH DESCRIPTION\n"
      << ManBlock(global_help) << ".SH COMMANDS\n";
  for (const Command& c : commands) {
    out << ".SS " << c.name << "\n"
        << ManLine(c.summary) << ".\n.PP\n"
        << ManBlock(c.help);
  }
  out << ".SH EXIT STATUS\n0 success, 1 \\-\\-fail\\-on matched, 2 bad usage "
         "or bad input (the message names the file and the place), 3 "
         "internal error.\n"
      << ".SH ENVIRONMENT\n"
         ".TP\n.B CLAIMCHECK_KB\nthe curated knowledge base when \\-\\-kb "
         "is not given\n"
         ".TP\n.B CLAIMCHECK_DB\nthe store when \\-\\-db is not given\n"
         ".TP\n.B CLAIMCHECK_CACHE_DIR\nwhere knowledge-base snapshots are "
         "kept (set and empty: none)\n"
         ".TP\n.B NCBI_API_KEY\nan NCBI API key for \\fBclaimcheck "
         "pubmed\\fR (10 requests a second instead of 3)\n"
      << ".SH SEE ALSO\nThe README and docs/ of the claimcheck repository; "
         "../shared/CLI.md for the JSON contract.\n";
  return out.str();
}

std::string BashCompletion(const std::vector<Command>& commands,
                           std::string_view global_help) {
  std::set<std::string> names;
  std::set<std::string> with_value = OptionsWithValue(global_help);
  for (const Command& c : commands) {
    names.insert(c.name);
    for (const std::string& o : OptionsWithValue(c.help)) with_value.insert(o);
  }
  with_value.erase("--help");
  std::ostringstream out;
  out << "# bash completion for claimcheck. Generated by `claimcheck help "
         "--bash-completion`\n# from its help text; do not edit.\n"
      << "_claimcheck() {\n"
      << "  local cur=\"${COMP_WORDS[COMP_CWORD]}\"\n"
      << "  local prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n"
      << "  local commands=\"" << Joined(names) << "\"\n"
      << "  local globals=\"" << Joined(OptionsIn(OptionLines(global_help)))
      << "\"\n"
      << "  local cmd=\"\" i\n"
      << "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      << "    case \"${COMP_WORDS[i]}\" in\n"
      << "      " <<
      [&] {
        std::string cases;
        for (const std::string& o : with_value) {
          cases += (cases.empty() ? "" : "|") + o;
        }
        return cases;
      }()
      << ") ((i++)) ;;\n"
      << "      -*) ;;\n"
      << "      *) cmd=\"${COMP_WORDS[i]}\"; break ;;\n"
      << "    esac\n"
      << "  done\n"
      << "  local opts=\"\" subs=\"\" formats=\"\"\n"
      << "  case \"$cmd\" in\n";
  const std::set<std::string> globals = OptionsIn(OptionLines(global_help));
  for (const Command& c : commands) {
    // A command's own options; the global ones are offered beside them.
    std::set<std::string> own = OptionsIn(c.help);
    for (const std::string& g : globals) own.erase(g);
    std::string subs = std::string(c.name) == "help"
                           ? Joined(names)
                           : SubcommandsIn(c.help, c.name);
    out << "    " << c.name << ") opts=\"" << Joined(own) << "\"; subs=\""
        << subs << "\"; formats=\"" << FormatsIn(c.help) << "\" ;;\n";
  }
  out << "  esac\n"
      << "  case \"$prev\" in\n"
      << "    --kb) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n"
      << "    --format)\n"
      << "      COMPREPLY=($(compgen -W \"${formats:-text json}\" -- "
         "\"$cur\")); return ;;\n"
      << "    --db|-o) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n"
      << "  esac\n"
      << "  if [[ -z \"$cmd\" ]]; then\n"
      << "    if [[ \"$cur\" == -* ]]; then\n"
      << "      COMPREPLY=($(compgen -W \"$globals\" -- \"$cur\"))\n"
      << "    else\n"
      << "      COMPREPLY=($(compgen -W \"$commands\" -- \"$cur\"))\n"
      << "    fi\n"
      << "    return\n"
      << "  fi\n"
      << "  if [[ \"$cur\" == -* ]]; then\n"
      << "    COMPREPLY=($(compgen -W \"$opts $globals\" -- \"$cur\"))\n"
      << "  elif [[ -n \"$subs\" && \"$prev\" == \"$cmd\" ]]; then\n"
      << "    COMPREPLY=($(compgen -W \"$subs\" -- \"$cur\"))\n"
      << "  else\n"
      << "    COMPREPLY=($(compgen -f -- \"$cur\"))\n"
      << "  fi\n"
      << "}\n"
      << "complete -o filenames -F _claimcheck claimcheck\n";
  return out.str();
}

}  // namespace claimcheck::cli
