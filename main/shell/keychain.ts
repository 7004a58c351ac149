/**
 * The OS keychain through Electron safeStorage, used only where a real keychain backs it. On Linux the
 * `basic_text` backend encrypts with a hard-coded password: not a keychain (docs/architecture.md).
 */
import { safeStorage } from 'electron';
import type { KeychainProtector } from '../security/keyfile';

const NOT_A_KEYCHAIN = new Set(['basic_text', 'unknown']);

export function osKeychain(platform: NodeJS.Platform = process.platform): KeychainProtector | null {
  if (!safeStorage.isEncryptionAvailable()) return null;
  const backend =
    platform === 'linux' ? safeStorage.getSelectedStorageBackend() : platform === 'darwin' ? 'keychain' : 'dpapi';
  if (NOT_A_KEYCHAIN.has(backend)) return null;
  return {
    backend,
    encrypt: (plain) => safeStorage.encryptString(plain.toString('base64')),
    decrypt: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  };
}
