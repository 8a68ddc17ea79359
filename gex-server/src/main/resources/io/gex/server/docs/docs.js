// Swagger UI over the service's own OpenAPI document, served from the jar (no CDN).
window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#swagger-ui', deepLinking: true });
