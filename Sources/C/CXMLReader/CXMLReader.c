#include <libxml/xmlversion.h>
#include "CXMLReader.h"
int32_t rsp_xml_library_version(void) { return LIBXML_VERSION; }
