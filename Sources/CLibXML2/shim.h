#ifndef FACTDESK_CLIBXML2_SHIM_H
#define FACTDESK_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#endif
