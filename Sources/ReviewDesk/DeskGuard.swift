import HTTPTypes
import Hummingbird

/// What every request and response of the desk goes through: the `Host` check (a page on
/// another site cannot reach the desk through a rebound DNS name), the body-size cap by
/// `Content-Length`, and the headers that keep a page from running anything but the desk's own
/// script and style or being framed.
struct DeskGuard<Context: RequestContext>: RouterMiddleware {
    /// The `host:port` values a request may name.
    let authorities: Set<String>
    let bodyLimit: Int

    static var securityHeaders: HTTPFields {
        [
            .contentSecurityPolicy: "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'",
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("X-Frame-Options")!: "DENY",
            HTTPField.Name("Referrer-Policy")!: "no-referrer",
            .cacheControl: "no-store",
        ]
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            try check(request)
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = try error.response(from: request, context: context)
        }
        for field in Self.securityHeaders { response.headers[field.name] = field.value }
        return response
    }

    private func check(_ request: Request) throws {
        // HTTP/1.1 puts the Host header into `authority`; any Host field left among the headers must agree too.
        let named = [request.head.authority].compactMap { $0 } + request.headers[values: HTTPField.Name("Host")!]
        guard !named.isEmpty, named.allSatisfy({ authorities.contains($0.lowercased()) }) else {
            throw DeskRefusal(.misdirectedRequest, "This desk answers only requests addressed to \(authorities.sorted().joined(separator: " or ")).")
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > bodyLimit {
            throw DeskRefusal(.contentTooLarge, "Request bodies are limited to \(bodyLimit) bytes.")
        }
    }
}
