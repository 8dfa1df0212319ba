import HTTPTypes
import Tracing

/// Writes a tracer's propagation headers (`traceparent`, `tracestate`) into a request's fields.
package struct HTTPFieldsInjector: Injector {
    package init() {}

    package func inject(_ value: String, forKey key: String, into fields: inout HTTPFields) {
        guard let name = HTTPField.Name(key) else { return }
        fields[name] = value
    }
}

/// Reads a tracer's propagation headers from a request's fields.
package struct HTTPFieldsExtractor: Extractor {
    package init() {}

    package func extract(key: String, from fields: HTTPFields) -> String? {
        HTTPField.Name(key).flatMap { fields[$0] }
    }
}
