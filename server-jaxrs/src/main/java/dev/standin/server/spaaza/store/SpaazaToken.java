package dev.standin.server.spaaza.store;

/** A privileged Spaaza API token: its public ID, its chain and the slow hash of its secret. */
public record SpaazaToken(String tokenId, long chainId, String secretHash) {}
