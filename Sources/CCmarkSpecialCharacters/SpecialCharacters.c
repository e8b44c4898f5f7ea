// Our definition of cmark-gfm's `cmark_manage_extensions_special_characters`, which takes the
// place of the library's own when the library calls it through its procedure linkage table
// (Debian's libcmark-gfm.so does: the function is exported and called through the PLT, and a
// definition in the executable comes first in the dynamic linker's lookup). See the header.
#define _GNU_SOURCE
#include "CCmarkSpecialCharacters.h"

#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>

typedef void (*manage_function)(cmark_parser *parser, int add);

/// Calls from the library to our definition.
static atomic_ulong calls;
/// Set, with release ordering, once the table holds every extension character for good.
static atomic_bool pinned;
/// The library's own definition, found once.
static manage_function library_definition;
static pthread_once_t library_definition_once = PTHREAD_ONCE_INIT;
/// Serialises pinning, so that the table is written once.
static pthread_mutex_t pin_mutex = PTHREAD_MUTEX_INITIALIZER;

static void find_library_definition(void) {
    // The next definition after ours in the lookup order: libcmark-gfm's.
    library_definition = (manage_function)dlsym(RTLD_NEXT, "cmark_manage_extensions_special_characters");
}

static manage_function library(void) {
    pthread_once(&library_definition_once, find_library_definition);
    return library_definition;
}

void cmark_manage_extensions_special_characters(cmark_parser *parser, int add) {
    atomic_fetch_add_explicit(&calls, 1, memory_order_relaxed);
    if (atomic_load_explicit(&pinned, memory_order_acquire)) {
        return;
    }
    // Not pinned yet: behave as the library does (the parse holds Lede's parse lock).
    manage_function definition = library();
    if (definition != NULL) {
        definition(parser, add);
    }
}

bool lede_cmark_pin_special_characters(struct cmark_parser *parser) {
    pthread_mutex_lock(&pin_mutex);
    if (!atomic_load_explicit(&pinned, memory_order_relaxed)) {
        manage_function definition = library();
        if (definition != NULL) {
            // The library's own code adds the characters of the parser's extensions; nothing
            // removes them after this.
            definition(parser, 1);
            atomic_store_explicit(&pinned, true, memory_order_release);
        }
    }
    bool result = atomic_load_explicit(&pinned, memory_order_relaxed);
    pthread_mutex_unlock(&pin_mutex);
    return result;
}

unsigned long lede_cmark_special_character_calls(void) {
    return atomic_load_explicit(&calls, memory_order_relaxed);
}
