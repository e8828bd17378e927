-- AlterTable
ALTER TABLE "Cell" ADD COLUMN     "metadata" JSONB;

-- AlterTable
ALTER TABLE "Notebook" ADD COLUMN     "metadata" JSONB;
