import ExampleService

// The example shop service: the generated code of specs/example, its hand-written handlers, and the runtime.
// runAsMain exits with status 1 and one log line when the service cannot start.
await ShopService.server(handlers: ShopHandlers(), migrationsDirectory: ExampleResources.migrationsDirectory).runAsMain()
