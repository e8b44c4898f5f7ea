#ifndef LEDE_CCMARK_SPECIAL_CHARACTERS_H
#define LEDE_CCMARK_SPECIAL_CHARACTERS_H

#include <stdbool.h>

struct cmark_parser;

/// Sets the extensions' special characters in cmark-gfm's process-global table once, for good.
///
/// Debian's libcmark-gfm keeps one table of the characters the inline parser stops at, and
/// `cmark_parser_finish` adds the attached extensions' characters to it when it starts and
/// removes them when it ends (`cmark_manage_extensions_special_characters`), so one parse
/// finishing strips the characters another parse is using. SpecialCharacters.c defines that
/// function in our own executable: once the table is pinned here it does nothing, and parses
/// may run at once. Until then it hands every call to the library's own definition.
///
/// Call with a parser that has every extension Lede attaches: the table then holds the union
/// of their characters. Later calls do nothing. Thread-safe.
/// - Returns: Whether the table is pinned; false when the library's own definition cannot be
///   found (another build of cmark-gfm), and the library then keeps managing the table.
bool lede_cmark_pin_special_characters(struct cmark_parser *parser);

/// How many times cmark-gfm called our `cmark_manage_extensions_special_characters` so far.
///
/// The proof that the library calls our definition and not its own (a library linked
/// statically or with its symbols bound at link time never calls ours): one parse adds one
/// call for adding and one for removing the characters.
unsigned long lede_cmark_special_character_calls(void);

#endif
