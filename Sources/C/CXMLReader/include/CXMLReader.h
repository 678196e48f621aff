#ifndef RSP_CXMLREADER_H
#define RSP_CXMLREADER_H
// A small streaming XML reader over libxml2's xmlTextReader, with plain C types only, so Swift
// never sees libxml2's headers (they clash with Foundation's ICU module; see swift-platform.md).
//
// Safety: documents are parsed with XML_PARSE_NONET and without entity substitution, DTD loading,
// DTD default attributes or XInclude; any document with a DOCTYPE is rejected with an error, so
// external entities (XXE) and entity-expansion bombs cannot work.
//
// Ownership: strings returned as `const char *` belong to the reader and stay valid only until the
// next call to rsp_xml_reader_read (or until the reader is freed). Strings returned as `char *`
// are malloc'd copies that the caller must release with rsp_xml_free_string.
#include <stddef.h>
#include <stdint.h>

/// The libxml2 version this build links against.
int32_t rsp_xml_library_version(void);

/// An opaque streaming reader over one in-memory document.
typedef struct rsp_xml_reader rsp_xml_reader;

/// Node types reported by rsp_xml_reader_node_type (the values of libxml2's xmlReaderTypes).
enum {
    RSP_XML_NODE_NONE = 0,
    RSP_XML_NODE_ELEMENT = 1,
    RSP_XML_NODE_TEXT = 3,
    RSP_XML_NODE_CDATA = 4,
    RSP_XML_NODE_DOCUMENT_TYPE = 10,
    RSP_XML_NODE_WHITESPACE = 13,
    RSP_XML_NODE_SIGNIFICANT_WHITESPACE = 14,
    RSP_XML_NODE_END_ELEMENT = 15
};

/// Creates a reader over a copy of `length` bytes at `bytes`; `name` (may be NULL) names the
/// document in libxml2's own messages. Returns NULL when memory runs out. Free with rsp_xml_reader_free.
rsp_xml_reader *rsp_xml_reader_create(const uint8_t *bytes, size_t length, const char *name);

/// Grows or shrinks a buffer for rsp_xml_reader_create_owning (`buffer` may be NULL to allocate).
/// Returns NULL when memory runs out, having freed `buffer`.
uint8_t *rsp_xml_buffer_resize(uint8_t *buffer, size_t capacity);

/// Frees a buffer from rsp_xml_buffer_resize that was not handed to a reader. Accepts NULL.
void rsp_xml_buffer_free(uint8_t *buffer);

/// Like rsp_xml_reader_create, but takes over `bytes` (from rsp_xml_buffer_resize) instead of
/// copying them: a part extracted straight into such a buffer is never copied. The buffer is freed
/// with the reader, or at once when this returns NULL.
rsp_xml_reader *rsp_xml_reader_create_owning(uint8_t *bytes, size_t length, const char *name);

/// Frees the reader and everything it owns. Accepts NULL.
void rsp_xml_reader_free(rsp_xml_reader *reader);

/// Moves to the next node: 1 when there is one, 0 at the end of the document, -1 on an error
/// (malformed XML or a DOCTYPE); rsp_xml_reader_error_line and _message then say what went wrong.
int32_t rsp_xml_reader_read(rsp_xml_reader *reader);

/// The current node's type (one of RSP_XML_NODE_*; other libxml2 values may appear and can be ignored).
int32_t rsp_xml_reader_node_type(rsp_xml_reader *reader);

/// The current node's depth, 0 for the root element.
int32_t rsp_xml_reader_depth(rsp_xml_reader *reader);

/// 1 when the current node is an element written as `<x/>` (no end-element node follows), else 0.
int32_t rsp_xml_reader_is_empty_element(rsp_xml_reader *reader);

/// The current node's local name (without prefix), owned by the reader; "" when it has none.
const char *rsp_xml_reader_local_name(rsp_xml_reader *reader);

/// The current node's namespace URI, owned by the reader; "" when it has none.
const char *rsp_xml_reader_namespace_uri(rsp_xml_reader *reader);

/// The current node's text (for text, CDATA and whitespace nodes), owned by the reader; "" when none.
const char *rsp_xml_reader_value(rsp_xml_reader *reader);

/// The value of the current element's first attribute whose local name is `local_name` (any
/// namespace), as a malloc'd copy to release with rsp_xml_free_string; NULL when absent.
char *rsp_xml_reader_attribute(rsp_xml_reader *reader, const char *local_name);

/// Releases a string returned by rsp_xml_reader_attribute. Accepts NULL.
void rsp_xml_free_string(char *string);

/// The 1-based line the parser has reached (for locating problems found above the XML level).
int32_t rsp_xml_reader_line(rsp_xml_reader *reader);

/// The 1-based line of the first error, or 0 when there was none or the line is unknown.
int32_t rsp_xml_reader_error_line(rsp_xml_reader *reader);

/// The message of the first error, owned by the reader; NULL when there was none.
const char *rsp_xml_reader_error_message(rsp_xml_reader *reader);

/// One `<c>` of a row read by rsp_xml_reader_read_row. Each text is a byte range of the batch's text
/// buffer (offset and length); a length of -1 means the attribute or child element was absent.
typedef struct {
    int32_t line;                 ///< rsp_xml_reader_line at the `<c>` start tag
    int32_t is_empty;             ///< 1 for `<c .../>`
    int32_t is_cut_short;         ///< 1 when an error stopped the reading of this cell's content
    uint32_t r_offset; int32_t r_length;    ///< attribute r (the reference)
    uint32_t t_offset; int32_t t_length;    ///< attribute t (the type)
    uint32_t s_offset; int32_t s_length;    ///< attribute s (the style index)
    uint32_t v_offset; int32_t v_length;    ///< text of the last `<v>` child
    uint32_t f_offset; int32_t f_length;    ///< text of the last `<f>` child
    uint32_t is_offset; int32_t is_length;  ///< text of the last `<is>` child (a string item)
} rsp_xml_cell;

/// Reads the content of the current `<row>` start element (which must not be empty) up to its end
/// tag in one call, so the per-node work stays in C: every `<c>` element inside it, with its
/// attributes and `<v>`, `<f>` and `<is>` children, exactly as a node-by-node reader would collect them.
/// At most `max_cells` cells are read: on meeting one more `<c>`, it stops there (positioned on that
/// start tag) and returns 2. Otherwise returns 1 at the row's end tag, 0 at the end of the document
/// or -1 on an error (with the cells read before it). `*cells`, `*count` and `*text` describe the
/// batch, owned by the reader and valid until the next call that reads.
int32_t rsp_xml_reader_read_row(rsp_xml_reader *reader, int32_t max_cells,
                                const rsp_xml_cell **cells, int32_t *count, const uint8_t **text);

/// Reads the SpreadsheetML string item at the current start element (`<si>` or `<is>`) up to its
/// end: the text of its `<t>` elements, plain or in rich-text runs, skipping phonetic runs (`<rPh>`)
/// and whitespace between elements. Returns 1 (or 0 at the end of the document) with the bytes in
/// `*text`/`*length` (owned by the reader, valid until the next call that reads), or -1 on an error.
int32_t rsp_xml_reader_read_string_item(rsp_xml_reader *reader, const uint8_t **text, size_t *length);

#endif
