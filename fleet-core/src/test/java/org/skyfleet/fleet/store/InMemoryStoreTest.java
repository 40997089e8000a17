package org.skyfleet.fleet.store;

/** The fake keeps the same contract; its "restart" hands the same instance back. */
class InMemoryStoreTest extends StoreContractTest {
    private final InMemoryStore data = new InMemoryStore();

    @Override
    protected Store openStore() {
        return data;
    }
}
