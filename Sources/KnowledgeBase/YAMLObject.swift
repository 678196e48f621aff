import Foundation
import ResponderModel
import Yams

/// Typed, located access to one YAML mapping: every read that fails reports an error at the
/// offending node (or at the mapping, for a missing key) and returns nil.
struct YAMLObject {
    let file: YAMLFile
    let node: Node
    let mapping: Node.Mapping
    /// The values by key text: `Node.Mapping`'s subscript compares every key node in turn, which
    /// was a sixth of loading a 100,000-answer library.
    private let values: [String: Node]

    /// Wraps `node`, reporting an error when it is not a mapping or holds keys outside `allowed`.
    init?(_ node: Node, in file: YAMLFile, allowed: Set<String>, diagnostics: inout DiagnosticCollector) {
        guard let mapping = node.mapping else {
            diagnostics.report(.error, at: file.location(of: node), "expected a mapping")
            return nil
        }
        self.file = file
        self.node = node
        self.mapping = mapping
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            values[name] = value
            if !allowed.contains(name) {
                diagnostics.report(
                    .error, at: file.location(of: key),
                    "unknown key '\(name)' (allowed: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
        self.values = values
    }

    func location(of key: String) -> SourceLocation {
        file.location(of: values[key] ?? node)
    }

    func string(_ key: String, required: Bool, diagnostics: inout DiagnosticCollector) -> String? {
        guard let value = values[key], !(value.scalar.map(isNull) ?? false) else {
            if required { diagnostics.report(.error, at: file.location(of: node), "missing required key '\(key)'") }
            return nil
        }
        guard let scalar = value.scalar else {
            diagnostics.report(.error, at: file.location(of: value), "'\(key)' must be text")
            return nil
        }
        return scalar.string
    }

    func strings(_ key: String, required: Bool, diagnostics: inout DiagnosticCollector) -> [String]? {
        guard let value = values[key] else {
            if required { diagnostics.report(.error, at: file.location(of: node), "missing required key '\(key)'") }
            return required ? nil : []
        }
        guard let sequence = value.sequence else {
            diagnostics.report(.error, at: file.location(of: value), "'\(key)' must be a list")
            return nil
        }
        var result: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                diagnostics.report(.error, at: file.location(of: item), "'\(key)' items must be text")
                return nil
            }
            result.append(scalar.string)
        }
        return result
    }

    /// A list of control references (`iso27001:A.8.24`, or a bare ID meaning `default`), each
    /// unknown framework code reported at its own item.
    func controlRefs(
        _ key: String, defaultFramework: FrameworkCode = .iso42001,
        diagnostics: inout DiagnosticCollector
    ) -> [ControlRef]? {
        guard let value = values[key] else { return [] }
        guard let sequence = value.sequence else {
            diagnostics.report(.error, at: file.location(of: value), "'\(key)' must be a list")
            return nil
        }
        var result: [ControlRef] = []
        for item in sequence {
            guard let text = item.scalar?.string else {
                diagnostics.report(.error, at: file.location(of: item), "'\(key)' items must be text")
                return nil
            }
            guard var ref = ControlRef(parsing: text) else {
                let codes = FrameworkCode.allCases.map(\.rawValue).joined(separator: ", ")
                diagnostics.report(
                    .error, at: file.location(of: item),
                    "invalid control reference '\(text)' in '\(key)' (expected FRAMEWORK:ID with FRAMEWORK one of \(codes))")
                continue
            }
            if !text.contains(":") { ref.framework = defaultFramework }
            result.append(ref)
        }
        return result
    }

    /// Whether the mapping has `key` at all.
    func has(_ key: String) -> Bool { mapping[key] != nil }

    func bool(_ key: String, diagnostics: inout DiagnosticCollector) -> Bool? {
        guard let value = values[key] else {
            diagnostics.report(.error, at: file.location(of: node), "missing required key '\(key)'")
            return nil
        }
        switch value.scalar?.string {
        case "true": return true
        case "false": return false
        default:
            diagnostics.report(.error, at: file.location(of: value), "'\(key)' must be true or false")
            return nil
        }
    }

    func value<E: RawRepresentable & CaseIterable>(
        _ key: String, as type: E.Type, required: Bool = true,
        diagnostics: inout DiagnosticCollector
    ) -> E? where E.RawValue == String {
        guard let text = string(key, required: required, diagnostics: &diagnostics) else { return nil }
        guard let result = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            diagnostics.report(.error, at: location(of: key), "invalid \(key) '\(text)' (allowed: \(allowed))")
            return nil
        }
        return result
    }

    /// A `YYYY-MM-DD` date that exists in the calendar, kept as text.
    func date(_ key: String, required: Bool, diagnostics: inout DiagnosticCollector) -> String? {
        guard let text = string(key, required: required, diagnostics: &diagnostics) else { return nil }
        guard CalendarDate(text) != nil else {
            diagnostics.report(.error, at: location(of: key), "invalid date '\(text)' for '\(key)' (expected a real YYYY-MM-DD date)")
            return nil
        }
        return text
    }

    private func isNull(_ scalar: Node.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null"].contains(scalar.string)
    }
}
