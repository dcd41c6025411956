//! `sysnix-test-rootfs`: builds the cached Debian root file system the test machines boot
//! from (once; later runs find it) and prints its path.
//!
//!     sysnix-test-rootfs            # build if missing, print the path
//!     sysnix-test-rootfs --check    # print the path; exit 1 if it is not built
//!     sysnix-test-rootfs --recipe   # print the recipe its cache key hashes

use std::process::ExitCode;

use sysnix_testing::rootfs;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [] => match rootfs::ensure_rootfs() {
            Ok(path) => {
                println!("{}", path.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("sysnix-test-rootfs: {e}");
                ExitCode::FAILURE
            }
        },
        ["--check"] => {
            println!("{}", rootfs::rootfs_path().display());
            if rootfs::find_rootfs().is_some() {
                ExitCode::SUCCESS
            } else {
                eprintln!("sysnix-test-rootfs: not built yet");
                ExitCode::FAILURE
            }
        }
        ["--recipe"] => {
            print!("{}", rootfs::recipe());
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: sysnix-test-rootfs [--check | --recipe]");
            ExitCode::from(2)
        }
    }
}
