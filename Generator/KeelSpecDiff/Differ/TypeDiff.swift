import KeelSpec

extension DiffContext {
    func diffTypes() {
        diffNamed(old.types, new.types, by: \.name) { type in
            // An endpoint still using it would name another type now: that change is reported there.
            if type.inlineBodyOf == nil { add(.typeRemoved, "type '\(type.name)' removed", subject: "types.\(type.name)", at: .old(type.location)) }
        } added: { type in
            if type.inlineBodyOf == nil { add(.typeAdded, "type '\(type.name)' added", subject: "types.\(type.name)", at: .new(type.location)) }
        } changed: { before, type in
            diffFields(before, type, usage: surface.types[type.name] ?? [])
        }
    }

    private func diffFields(_ old: TypeDefinition, _ new: TypeDefinition, usage: Usage) {
        let place = Place.new(new.location)
        // Removed fields share the type's place with the others: reported after them.
        diffNamed(old.fields, new.fields, by: \.name, removedLast: true) { field in
            let subject = "types.\(new.name).\(field.name)"
            if usage.contains(.response) {
                add(.fieldRemoved, "response field '\(new.name).\(field.name)' removed; clients reading it break", subject: subject, at: place)
            } else {
                add(.fieldDropped, "request field '\(new.name).\(field.name)' removed; the service ignores it from now on", subject: subject, at: place)
            }
        } added: { field in
            let what = "field '\(new.name).\(field.name)'"
            if field.required, usage.contains(.request) {
                add(.requiredFieldAdded, "required request \(what) added; clients that do not send it get 422", subject: "types.\(new.name).\(field.name)", at: place)
            } else {
                add(.fieldAdded, "\(what) added", subject: "types.\(new.name).\(field.name)", at: place)
            }
        } changed: { before, field in
            let subject = "types.\(new.name).\(field.name)"
            let what = "field '\(new.name).\(field.name)'"
            diffReference(before.type, field.type, what: what, subject: subject, usage: usage, at: place, code: .fieldRetyped)
            if !before.required, field.required {
                if usage.contains(.request) {
                    add(.fieldRequired, "\(what) is now required; clients that leave it out get 422", subject: subject, at: place)
                } else {
                    add(.fieldOptional, "\(what) is now always set", subject: subject, at: place)
                }
            } else if before.required, !field.required {
                if usage.contains(.response) {
                    add(.fieldNullable, "\(what) is now optional; clients reading it as always set break", subject: subject, at: place)
                } else {
                    add(.fieldOptional, "\(what) is now optional", subject: subject, at: place)
                }
            }
            diffBounds(before.bounds, field.bounds, what: what, subject: subject, usage: usage, at: place)
            if before.description != field.description {
                add(.descriptionChanged, "\(what): description changed", subject: subject, at: place)
            }
        }
    }

    /// A field's, parameter's, body's or response's type: enum values compared one by one, anything else whole.
    func diffReference(_ old: TypeReference, _ new: TypeReference, what: String, subject: String, usage: Usage, at place: Place, code: ChangeCode) {
        switch (old, new) {
        case let (.enumeration(before), .enumeration(after)):
            diffEnumValues(before, after, what: what, subject: subject, usage: usage, at: place)
        case let (.array(before), .array(after)):
            diffReference(before, after, what: what, subject: subject, usage: usage, at: place, code: code)
        case (.scalar(.string), .scalar(.text)), (.scalar(.text), .scalar(.string)):
            // The same JSON string either way.
            break
        default:
            if old != new {
                add(code, "\(what) retyped from \(Self.describe(old)) to \(Self.describe(new)); \(usage.readers) break", subject: subject, at: place)
            }
        }
    }

    static func describe(_ reference: TypeReference) -> String {
        switch reference {
        case let .scalar(scalar): scalar.rawValue
        case let .model(table): "the '\(table)' model"
        case let .named(name): name
        case let .array(element): "[\(describe(element))]"
        case let .enumeration(values): "enum [\(values.joined(separator: ", "))]"
        }
    }
}
