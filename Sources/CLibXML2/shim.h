#ifndef FACTDESK_CLIBXML2_SHIM_H
#define FACTDESK_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, whose headers would clash with Foundation's own copy
   of ICU; nothing here uses libxml2's ICU converters, so their declarations are left out. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif
