import HTTPTypes
import Hummingbird

/// Why the desk refused a request; answered as a small escaped HTML page with the status.
struct DeskRefusal: Error, HTTPResponseError {
    var status: HTTPResponse.Status
    var message: String

    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    var headers: HTTPFields { [.contentType: "text/html; charset=utf-8"] }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        let page = HTML.document(
            title: "Refused", csrf: nil,
            body: [
                .element(
                    "main", [],
                    [
                        .element("h1", text: "\(status.code) \(status.reasonPhrase)"),
                        .element("p", [("class", "notice refused")], text: message),
                    ])
            ])
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page.rendered)))
    }

    static let noSession = DeskRefusal(.unauthorized, "No session: open the URL that `responder serve` printed (its token works once).")
    static let badCSRF = DeskRefusal(.forbidden, "This request did not carry the page's CSRF token; reload the page and try again.")
}
