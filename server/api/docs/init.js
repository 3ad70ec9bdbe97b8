// Kept out of the HTML so the page works under the app's Content-Security-Policy.
window.SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#reference', deepLinking: true, tryItOutEnabled: true });
