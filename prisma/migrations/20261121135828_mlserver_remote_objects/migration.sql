-- CreateTable
CREATE TABLE "RemoteObject" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "label" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RemoteObject_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RemoteObject_userId_provider_kind_idx" ON "RemoteObject"("userId", "provider", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "RemoteObject_provider_kind_ref_key" ON "RemoteObject"("provider", "kind", "ref");

-- AddForeignKey
ALTER TABLE "RemoteObject" ADD CONSTRAINT "RemoteObject_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
