/// The OpenAPI 3.0 description of `/api/`, served at `/api/openapi.json`.
enum OpenAPIDocument {
    static let json = "{}"
}
