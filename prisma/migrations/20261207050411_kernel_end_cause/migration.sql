-- AlterTable
ALTER TABLE "KernelSession" ADD COLUMN     "endCause" TEXT;
