#ifndef NAICXBRL_CLIBXML2_SHIM_H
#define NAICXBRL_CLIBXML2_SHIM_H

// libxml/encoding.h pulls in the system ICU headers when LIBXML_ICU_ENABLED is set, and those
// clash with the ICU that Foundation carries. The library never needs ICU through libxml2.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/parserInternals.h>
#include <libxml/catalog.h>

// xmlFree is a mutable C global, which Swift's strict concurrency rejects.
static inline void naicxbrl_xmlFree(void *ptr) { xmlFree(ptr); }


#endif
