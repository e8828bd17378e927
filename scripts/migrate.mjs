// Applies (deploy) or creates (create <name>) Prisma migrations with the Wasm schema engine,
// because the Prisma CLI's native migration engine is a download that cannot happen offline.
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const root = resolve(import.meta.dirname, "..");
const schemaPath = join(root, "prisma/schema.prisma");
const migrationsDir = join(root, "prisma/migrations");

async function loadEngineModule() {
  const dir = join(root, "node_modules/@prisma/schema-engine-wasm");
  const bg = await import(pathToFileURL(join(dir, "schema_engine_bg.js")).href);
  const { instance } = await WebAssembly.instantiate(readFileSync(join(dir, "schema_engine_bg.wasm")), {
    "./schema_engine_bg.js": bg,
  });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return bg;
}

function migrationsList() {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: 'provider = "postgresql"\n' },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

const filters = { externalTables: [], externalEnums: [] };

async function pgAdapterFactory(url) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const u = new URL(url);
  return new PrismaPg({
    host: u.hostname, port: Number(u.port || 5432), user: decodeURIComponent(u.username || "postgres"),
    password: decodeURIComponent(u.password), database: u.pathname.slice(1) || "postgres",
  });
}

async function engineFor(adapter) {
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const bg = await loadEngineModule();
  const schemaText = readFileSync(schemaPath, "utf8");
  return bg.SchemaEngine.new(
    { datamodels: [[schemaPath, schemaText]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
}

/** Applies every committed migration to the database at `url`; idempotent. */
export async function deploy(url) {
  const engine = await engineFor(await pgAdapterFactory(url));
  const result = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
  return result.appliedMigrationNames;
}

/** Writes a new migration with the SQL between the committed migrations and the schema. */
async function create(name) {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const engine = await engineFor(new PrismaPGlite(new PGlite()));
  const list = migrationsList();
  const from = list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" };
  const schemaText = readFileSync(schemaPath, "utf8");
  const out = await engine.diff({
    from, to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schemaText }] },
    script: true, exitCode: null, filters, shadowDatabaseUrl: null,
  });
  const sql = out.stdout ?? "";
  if (!sql.trim() || /empty migration/i.test(sql)) return console.log("schema unchanged: no migration written");
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
  writeFileSync(join(dir, "migration.sql"), sql);
  console.log(`wrote ${dir}/migration.sql`);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [cmd, arg] = process.argv.slice(2);
  if (cmd === "create") await create(arg ?? "change");
  else if (cmd === "deploy") {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const applied = await deploy(url);
    console.log(applied.length ? `applied: ${applied.join(", ")}` : "database is up to date");
  } else {
    console.error("usage: node scripts/migrate.mjs deploy | create <name>");
    process.exit(2);
  }
}
