// zod with the OpenAPI extension applied before any schema is built: modules that describe
// the API with `.openapi(…)` import `z` from here, so import order can never leave it off.
import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

extendZodWithOpenApi(z);

export { z };
