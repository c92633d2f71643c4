export { SeedBuiltins1795362765901 } from '../shared/seed-builtins';
