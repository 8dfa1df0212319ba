import ExampleService

// The example shop service: the generated code of specs/example, its hand-written handlers, and the runtime.
try await ShopService.server(handlers: ShopHandlers(), migrationsDirectory: ExampleResources.migrationsDirectory).run()
