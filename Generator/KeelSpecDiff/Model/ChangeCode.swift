/// Every kind of change `keel diff` reports besides the migration planner's data codes; the raw value is the
/// stable code tools and `acknowledged:` entries use.
public enum ChangeCode: String, Codable, Hashable, Sendable, CaseIterable {
    // API breaking: clients built against the old spec fail.
    case endpointRemoved = "API_ENDPOINT_REMOVED"
    case endpointMoved = "API_ENDPOINT_MOVED"
    case methodChanged = "API_METHOD_CHANGED"
    case operationRemoved = "API_OPERATION_REMOVED"
    case fieldRemoved = "API_FIELD_REMOVED"
    case fieldRenamed = "API_FIELD_RENAMED"
    case fieldRetyped = "API_FIELD_RETYPED"
    case fieldNullable = "API_FIELD_NULLABLE"
    case requiredFieldAdded = "API_REQUIRED_FIELD_ADDED"
    case fieldRequired = "API_FIELD_REQUIRED"
    case constraintTightened = "API_CONSTRAINT_TIGHTENED"
    case enumValueRemoved = "API_ENUM_VALUE_REMOVED"
    case enumValueAdded = "API_ENUM_VALUE_ADDED"
    case uniqueAdded = "API_UNIQUE_ADDED"
    case defaultChanged = "API_DEFAULT_CHANGED"
    case onDeleteChanged = "API_ON_DELETE_CHANGED"
    case paramRemoved = "API_PARAM_REMOVED"
    case paramRetyped = "API_PARAM_RETYPED"
    case requiredParamAdded = "API_REQUIRED_PARAM_ADDED"
    case paramRequired = "API_PARAM_REQUIRED"
    case bodyChanged = "API_BODY_CHANGED"
    case responseChanged = "API_RESPONSE_CHANGED"
    case filterRemoved = "API_FILTER_REMOVED"
    case sortRemoved = "API_SORT_REMOVED"
    case authTightened = "API_AUTH_TIGHTENED"
    case authChanged = "API_AUTH_CHANGED"
    case roleRequired = "API_ROLE_REQUIRED"
    case roleRevoked = "API_ROLE_REVOKED"
    case roleRemoved = "API_ROLE_REMOVED"
    case featureRequired = "API_FEATURE_REQUIRED"
    case featureTierRaised = "API_FEATURE_TIER_RAISED"
    case tierRemoved = "API_TIER_REMOVED"
    case tierLimitLowered = "API_TIER_LIMIT_LOWERED"
    case rateLimitTightened = "API_RATE_LIMIT_TIGHTENED"
    case corsOriginRemoved = "API_CORS_ORIGIN_REMOVED"
    // Rollout breaking: the previous version, still running, fails against the new schema.
    case tableDropped = "ROLLOUT_TABLE_DROPPED"
    case columnDropped = "ROLLOUT_COLUMN_DROPPED"
    case columnRenamed = "ROLLOUT_COLUMN_RENAMED"
    case notNullWithoutDefault = "ROLLOUT_NOT_NULL_WITHOUT_DEFAULT"
    case columnMadeNotNull = "ROLLOUT_COLUMN_NOT_NULL"
    case typeNarrowed = "ROLLOUT_TYPE_NARROWED"
    case enumValueDropped = "ROLLOUT_ENUM_VALUE_REMOVED"
    case uniqueConstraintAdded = "ROLLOUT_UNIQUE_ADDED"
    // Compatible: additions (a minor bump) and the rest (a patch).
    case endpointAdded = "ENDPOINT_ADDED"
    case operationAdded = "OPERATION_ADDED"
    case tableAdded = "TABLE_ADDED"
    case fieldAdded = "FIELD_ADDED"
    case typeAdded = "TYPE_ADDED"
    case paramAdded = "PARAM_ADDED"
    case enumValueAllowed = "ENUM_VALUE_ADDED"
    case listOptionAdded = "LIST_OPTION_ADDED"
    case roleAdded = "ROLE_ADDED"
    case featureAdded = "FEATURE_ADDED"
    case tierAdded = "TIER_ADDED"
    case accessLoosened = "ACCESS_LOOSENED"
    case constraintLoosened = "CONSTRAINT_LOOSENED"
    case fieldDropped = "FIELD_REMOVED"
    case fieldOptional = "FIELD_OPTIONAL"
    case defaultSet = "DEFAULT_CHANGED"
    case typeRemoved = "TYPE_REMOVED"
    case featureRemoved = "FEATURE_REMOVED"
    case indexChanged = "INDEX_CHANGED"
    case descriptionChanged = "DESCRIPTION_CHANGED"
    case serviceChanged = "SERVICE_CHANGED"
    case configChanged = "CONFIG_CHANGED"
    case gatewayChanged = "GATEWAY_CHANGED"

    public var changeClass: ChangeClass {
        if rawValue.hasPrefix("API_") { return .apiBreaking }
        if rawValue.hasPrefix("ROLLOUT_") { return .rolloutBreaking }
        return .compatible
    }

    /// Major for API breaking, minor for additions, patch otherwise.
    public var bump: VersionBump {
        switch self {
        case .endpointAdded, .operationAdded, .tableAdded, .fieldAdded, .typeAdded, .paramAdded, .enumValueAllowed,
             .listOptionAdded, .roleAdded, .featureAdded, .tierAdded:
            .minor
        default:
            changeClass == .apiBreaking ? .major : .patch
        }
    }
}
