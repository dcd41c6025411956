//! Test support for this crate, not a tool: routes
//! `sysnix-sandbox-test __sandbox-init SPEC_JSON_FILE` to
//! [`sysnix_store::build::sandbox_init_main`], exactly as the sysnix CLI
//! routes `sysnix __sandbox-init SPEC_JSON_FILE`, so that the integration
//! tests can run sandboxed builds without the CLI.

fn main() {
    let mut args = std::env::args_os().skip(1);
    if args.next().as_deref() != Some(std::ffi::OsStr::new("__sandbox-init")) {
        eprintln!("usage: sysnix-sandbox-test __sandbox-init SPEC_JSON_FILE (test support only)");
        std::process::exit(2);
    }
    std::process::exit(sysnix_store::build::sandbox_init_main(args));
}
