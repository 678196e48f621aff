#ifndef RSP_CXMLREADER_H
#define RSP_CXMLREADER_H
// Placeholder: the streaming reader API is defined with the XLSX reader.
#include <stdint.h>
/// The libxml2 version this build links against.
int32_t rsp_xml_library_version(void);
#endif
