//! Commit signatures: SSH signatures (git's `gpg.format = ssh`) verified in-process with
//! the `ssh-key` crate, in the namespace `git`, against members' `keys`: Ed25519, RSA, ECDSA
//! on P-256, P-384 and P-521, and the security-key types sk-ssh-ed25519 and
//! sk-ecdsa-sha2-nistp256 — every type OpenSSH signs with except DSA, which OpenSSH itself
//! has retired. A signature by a type not checked here is reported as such, never as one
//! that does not verify. GPG signatures are recognised and reported as not verifiable here.

use git2::{Oid, Repository};

use crate::i18n::Msg;
use crate::msg;

/// What a commit's signature proves.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SigStatus {
    Unsigned,
    /// An SSH signature that verifies against the key with this SHA-256 fingerprint.
    Verified {
        fingerprint: String,
    },
    /// An SSH signature by a key none of the candidate members lists.
    UnknownKey {
        fingerprint: String,
    },
    /// An SSH signature that does not verify (tampered or malformed).
    Bad,
    /// An SSH signature by a key type council does not check (`ssh-dss`): it may be good.
    Unsupported {
        algorithm: String,
    },
    /// A GPG signature: not verifiable here.
    Gpg,
}

impl SigStatus {
    /// Short words for `council log`.
    pub fn label(&self) -> Msg {
        match self {
            SigStatus::Unsigned => msg!("sig-unsigned"),
            SigStatus::Verified { fingerprint } => {
                msg!("sig-verified", fingerprint = fingerprint.as_str())
            }
            SigStatus::UnknownKey { fingerprint } => {
                msg!("sig-unknown-key", fingerprint = fingerprint.as_str())
            }
            SigStatus::Bad => msg!("sig-bad"),
            SigStatus::Gpg => msg!("sig-gpg"),
            SigStatus::Unsupported { algorithm } => {
                msg!("sig-unsupported", algorithm = algorithm.as_str())
            }
        }
    }

    /// A stable key for themes: `unsigned`, `verified`, `unknown-key`, `bad`, `gpg`,
    /// `unsupported`.
    pub fn kind(&self) -> &'static str {
        match self {
            SigStatus::Unsigned => "unsigned",
            SigStatus::Verified { .. } => "verified",
            SigStatus::UnknownKey { .. } => "unknown-key",
            SigStatus::Bad => "bad",
            SigStatus::Gpg => "gpg",
            SigStatus::Unsupported { .. } => "unsupported",
        }
    }
}

/// The signature of commit `oid`, checked against `keys` (OpenSSH public key lines).
pub fn check(repo: &Repository, oid: Oid, keys: &[&str]) -> SigStatus {
    let (sig, data) = match repo.extract_signature(&oid, None) {
        Ok(x) => x,
        Err(_) => return SigStatus::Unsigned,
    };
    let Ok(pem) = std::str::from_utf8(&sig) else {
        return SigStatus::Bad;
    };
    if pem
        .trim_start()
        .starts_with("-----BEGIN PGP SIGNATURE-----")
    {
        return SigStatus::Gpg;
    }
    let Ok(sshsig) = ssh_key::SshSig::from_pem(pem) else {
        return SigStatus::Bad;
    };
    let signer = sshsig.public_key();
    if !supported(signer) {
        return SigStatus::Unsupported {
            algorithm: signer.algorithm().to_string(),
        };
    }
    let fingerprint = signer.fingerprint(ssh_key::HashAlg::Sha256).to_string();
    for k in keys {
        let Ok(key) = ssh_key::PublicKey::from_openssh(k.trim()) else {
            continue;
        };
        match key.verify("git", &data, &sshsig) {
            Ok(()) => return SigStatus::Verified { fingerprint },
            Err(ssh_key::Error::PublicKey) => continue,
            Err(_) => return SigStatus::Bad,
        }
    }
    // No listed key matched: does the signature verify against its own key at all?
    match ssh_key::PublicKey::from(sshsig.public_key().clone()).verify("git", &data, &sshsig) {
        Ok(()) => SigStatus::UnknownKey { fingerprint },
        Err(_) => SigStatus::Bad,
    }
}

/// Whether signatures by this kind of key are checked here (the crate's features).
fn supported(key: &ssh_key::public::KeyData) -> bool {
    use ssh_key::public::KeyData;
    matches!(
        key,
        KeyData::Ed25519(_)
            | KeyData::SkEd25519(_)
            | KeyData::Rsa(_)
            | KeyData::Ecdsa(_)
            | KeyData::SkEcdsaSha2NistP256(_)
    )
}

#[cfg(test)]
mod tests {
    /// Every key type `keys` accepts (the model's list) is one whose signatures are checked.
    #[test]
    fn every_key_type_council_toml_accepts_is_checked() {
        for kind in crate::model::SSH_KEY_TYPES {
            let algorithm = ssh_key::Algorithm::new(kind).unwrap();
            let checked = matches!(
                algorithm,
                ssh_key::Algorithm::Ed25519
                    | ssh_key::Algorithm::SkEd25519
                    | ssh_key::Algorithm::Rsa { .. }
                    | ssh_key::Algorithm::Ecdsa { .. }
                    | ssh_key::Algorithm::SkEcdsaSha2NistP256
            );
            assert!(checked, "{kind}");
        }
    }
}
