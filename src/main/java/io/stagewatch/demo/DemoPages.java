package io.stagewatch.demo;

/** The documents the demo service serves. */
final class DemoPages {
  static final String HOME =
      """
      <!doctype html>
      <html lang="en">
      <head><meta charset="utf-8"><title>Shop (staging)</title></head>
      <body><h1>Shop</h1><p>Staging build 1.4.2</p></body>
      </html>
      """;

  static final String OPENAPI =
      """
      {
        "openapi": "3.0.3",
        "info": {"title": "Shop API", "version": "1.4.2"},
        "paths": {
          "/api/health": {"get": {"responses": {"200": {"description": "healthy"}}}},
          "/api/products": {"get": {"responses": {"200": {"description": "the catalogue"}}}}
        }
      }
      """;

  private DemoPages() {}
}
