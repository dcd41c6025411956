# Host packages: `pkgs.<name>` stands for software installed by the host's
# package manager (Debian's apt), not built by Nix.
#
# Each one is a derivation
#
#   derivation {
#     name = "<attr>-<version>"; system;
#     builder = "builtin:sysnix-host-package";
#     debPackages = "<deb> <deb> …";      # the Debian packages it stands for
#     programs = "bin/x=/usr/bin/x …";    # links made even when not installed
#     hostVersion = "<version>" | "missing" | "unknown";
#   }
#
# whose output links the installed files of the Debian packages (sysnix's
# builtin builder does that at build time), plus the attributes a nixpkgs
# package carries: pname, version, meta.mainProgram (so `lib.getExe
# pkgs.nginx` is …/bin/nginx as on NixOS), and `debPackages` (list),
# `isHostPackage = true`.
#
# The names come from the curated table below (nixpkgs attribute name →
# Debian packages and known programs); any other name that apt knows
# (`builtins.__sysnixHostPackageSet`, present when sysnix builds)
# stands for the Debian package of the same name.
{ lib, system, hostPackageBuilder ? "builtin", runtimeShell ? "/bin/bash" }:

let
  inherit (lib) concatStringsSep mapAttrsToList;

  # sysnix's evaluator provides these two; C++ Nix does not.
  hasVersions = builtins ? __sysnixHostPackageVersion;
  installedVersion = deb:
    let f = builtins.__sysnixHostPackageVersion; in
    if builtins.isFunction f then f deb
    else if builtins.isAttrs f then f.${deb} or null
    else null;

  # The version recorded for a host package: that of its first Debian
  # package, "missing" when that is not installed, "unknown" when the
  # evaluator cannot tell.
  hostVersionOf = debs:
    if !hasVersions then "unknown"
    else
      let v = installedVersion (builtins.head debs); in
      if v == null then "missing" else v;

  # A Debian version as a store-name part: no epoch, and only the
  # characters store names allow.
  nameVersion = v:
    let
      noEpoch = let m = builtins.match "[0-9]+:(.*)" v; in if m == null then v else builtins.head m;
      ok = c: builtins.match "[A-Za-z0-9+._?=-]" c != null;
    in
    lib.concatMapStrings (c: if ok c then c else "_") (lib.stringToCharacters noEpoch);

  # The /bin/bash builder used with hostPackageBuilder = "shell": links the
  # executables of the installed Debian packages (from dpkg's file lists)
  # into bin/ and sbin/, then the `programs` links.
  shellBuilder = ''
    mkdir -p "$out/bin"
    for deb in $debPackages; do
      if dpkg-query -W -f='${"$"}{Status}' "$deb" 2>/dev/null | grep -q 'ok installed'; then
        dpkg-query -L "$deb" 2>/dev/null | while read -r f; do
          case "$f" in
            /bin/*/*|/usr/bin/*/*|/sbin/*/*|/usr/sbin/*/*) ;;
            /bin/*|/usr/bin/*) [ -e "$f" ] && ln -sfn "$f" "$out/bin/$(basename "$f")" ;;
            /sbin/*|/usr/sbin/*) mkdir -p "$out/sbin"; [ -e "$f" ] && ln -sfn "$f" "$out/sbin/$(basename "$f")" ;;
          esac
        done
      fi
    done
    for p in $programs; do
      rel="''${p%%=*}"; abs="''${p#*=}"
      mkdir -p "$(dirname "$out/$rel")"
      ln -sfn "$abs" "$out/$rel"
    done
  '';

  /**
    mkHostPackage attr { deb, bin ? { }, sbin ? { }, mainProgram ? null, description ? "", shell ? null }

    The host package `attr`: `deb` the Debian package names (the first one
    gives the version), `bin`/`sbin` the known programs (name → absolute
    path on the host), linked as bin/<name> / sbin/<name>. `shell` names
    the program that makes the package a login shell: it gives
    `shellPath` (/bin/<shell>, as nixpkgs) and `hostShellPath` (its path
    on the host, what /etc/passwd gets).
  */
  mkHostPackage = attr: { deb, bin ? { }, sbin ? { }, mainProgram ? null, description ? "", shell ? null }:
    let
      hostVersion = hostVersionOf deb;
      programs = mapAttrsToList (n: p: "bin/${n}=${p}") bin
        ++ mapAttrsToList (n: p: "sbin/${n}=${p}") sbin;
      drvAttrs = {
        name = "${attr}-${nameVersion hostVersion}";
        inherit system hostVersion;
        debPackages = concatStringsSep " " deb;
        programs = concatStringsSep " " programs;
      } // (if hostPackageBuilder == "shell" then {
        builder = runtimeShell;
        args = [ "-e" "-c" shellBuilder ];
        PATH = "/usr/bin:/bin";
        preferLocalBuild = true;
        allowSubstitutes = false;
      } else {
        builder = "builtin:sysnix-host-package";
      });
      drv = derivation drvAttrs;
    in
    drv // {
      pname = attr;
      version = hostVersion;
      debPackages = deb;
      isHostPackage = true;
      meta = {
        description = if description != "" then description else "The host's ${concatStringsSep ", " deb}";
        platforms = [ system ];
        hostPackage = true;
      } // lib.optionalAttrs (mainProgram != null) { inherit mainProgram; };
      passthru = { };
    } // lib.optionalAttrs (shell != null) {
      shellPath = "/bin/${shell}";
      hostShellPath = bin.${shell};
    };

  # Helpers for the table: programs under a directory.
  usrBin = names: lib.genAttrs names (n: "/usr/bin/${n}");
  usrSbin = names: lib.genAttrs names (n: "/usr/sbin/${n}");

  coreutilsPrograms = [
    "basename" "cat" "chgrp" "chmod" "chown" "cp" "cut" "date" "dd" "df"
    "dirname" "du" "echo" "env" "false" "head" "id" "install" "ln" "ls"
    "mkdir" "mktemp" "mv" "nproc" "printf" "pwd" "readlink" "realpath" "rm"
    "rmdir" "seq" "sleep" "sort" "stat" "sync" "tail" "tee" "test" "touch"
    "tr" "true" "uname" "uniq" "wc" "whoami" "yes"
  ];

  # The curated table: nixpkgs attribute name → Debian packages and the
  # programs NixOS modules reach through `${pkg}/bin/…`.
  hostPackageTable = {
    bash = { deb = [ "bash" ]; bin = usrBin [ "bash" "sh" ]; mainProgram = "bash"; shell = "bash"; };
    bashInteractive = { deb = [ "bash" ]; bin = usrBin [ "bash" "sh" ]; mainProgram = "bash"; shell = "bash"; };
    zsh = { deb = [ "zsh" ]; bin = usrBin [ "zsh" ]; mainProgram = "zsh"; shell = "zsh"; };
    fish = { deb = [ "fish" ]; bin = usrBin [ "fish" ]; mainProgram = "fish"; shell = "fish"; };
    dash = { deb = [ "dash" ]; bin = usrBin [ "dash" ]; mainProgram = "dash"; shell = "dash"; };
    coreutils = { deb = [ "coreutils" ]; bin = usrBin coreutilsPrograms; };
    coreutils-full = { deb = [ "coreutils" ]; bin = usrBin coreutilsPrograms; };
    findutils = { deb = [ "findutils" ]; bin = usrBin [ "find" "xargs" ]; mainProgram = "find"; };
    gnugrep = { deb = [ "grep" ]; bin = usrBin [ "grep" "egrep" "fgrep" ]; mainProgram = "grep"; };
    gnused = { deb = [ "sed" ]; bin = usrBin [ "sed" ]; mainProgram = "sed"; };
    gawk = { deb = [ "gawk" ]; bin = usrBin [ "gawk" ] // { awk = "/usr/bin/gawk"; }; mainProgram = "gawk"; };
    gnutar = { deb = [ "tar" ]; bin = usrBin [ "tar" ]; mainProgram = "tar"; };
    gzip = { deb = [ "gzip" ]; bin = usrBin [ "gzip" "gunzip" "zcat" ]; mainProgram = "gzip"; };
    xz = { deb = [ "xz-utils" ]; bin = usrBin [ "xz" "unxz" "xzcat" ]; mainProgram = "xz"; };
    less = { deb = [ "less" ]; bin = usrBin [ "less" ]; mainProgram = "less"; };
    which = { deb = [ "debianutils" ]; bin = usrBin [ "which" ]; mainProgram = "which"; };
    diffutils = { deb = [ "diffutils" ]; bin = usrBin [ "diff" "cmp" ]; mainProgram = "diff"; };

    systemd = {
      deb = [ "systemd" ];
      bin = usrBin [
        "systemctl" "journalctl" "loginctl" "systemd-tmpfiles" "systemd-sysusers"
        "systemd-escape" "systemd-notify" "systemd-run" "systemd-analyze"
        "systemd-cat" "systemd-ask-password" "busctl" "hostnamectl" "timedatectl"
        "localectl" "systemd-detect-virt" "systemd-path" "systemd-creds"
      ];
      mainProgram = "systemctl";
    };
    util-linux = {
      deb = [ "util-linux" "mount" ];
      bin = usrBin [ "dmesg" "findmnt" "lsblk" "more" "mountpoint" "su" "flock" "getopt" "nsenter" "setsid" "logger" "mount" "umount" ]
        // { blkid = "/usr/sbin/blkid"; runuser = "/usr/sbin/runuser"; mkswap = "/usr/sbin/mkswap"; agetty = "/usr/sbin/agetty"; wipefs = "/usr/sbin/wipefs"; fsck = "/usr/sbin/fsck"; };
    };
    iproute2 = {
      deb = [ "iproute2" ];
      bin = usrBin [ "ip" "ss" ] // { tc = "/usr/sbin/tc"; bridge = "/usr/sbin/bridge"; };
      mainProgram = "ip";
    };
    procps = {
      deb = [ "procps" ];
      bin = usrBin [ "ps" "kill" "free" "pgrep" "pkill" "top" "uptime" "vmstat" "w" "watch" ] // { sysctl = "/usr/sbin/sysctl"; };
    };
    kmod = {
      deb = [ "kmod" ];
      bin = usrBin [ "kmod" "lsmod" ] // usrSbin [ "modprobe" "insmod" "rmmod" "depmod" "modinfo" ];
      mainProgram = "kmod";
    };
    shadow = {
      deb = [ "passwd" "login" ];
      bin = usrBin [ "passwd" "chage" "chfn" "chsh" "gpasswd" "login" "newgrp" "su" ]
        // usrSbin [ "useradd" "userdel" "usermod" "groupadd" "groupdel" "groupmod" "chpasswd" "nologin" "vipw" ];
      shell = "nologin";
    };
    su = { deb = [ "util-linux" ]; bin = usrBin [ "su" ]; mainProgram = "su"; };
    hostname = { deb = [ "hostname" ]; bin = usrBin [ "hostname" "dnsdomainname" ]; mainProgram = "hostname"; };
    nettools = { deb = [ "net-tools" ]; bin = usrSbin [ "ifconfig" "route" "arp" ] // usrBin [ "netstat" ]; };
    iptables = { deb = [ "iptables" ]; bin = usrSbin [ "iptables" "ip6tables" "iptables-save" "iptables-restore" ]; mainProgram = "iptables"; };
    nftables = { deb = [ "nftables" ]; bin = usrSbin [ "nft" ]; mainProgram = "nft"; };
    sudo = { deb = [ "sudo" ]; bin = usrBin [ "sudo" "sudoedit" ] // usrSbin [ "visudo" ]; mainProgram = "sudo"; };

    nbd = {
      deb = [ "nbd-server" "nbd-client" ];
      bin = {
        nbd-server = "/usr/bin/nbd-server";
        nbd-trdump = "/usr/bin/nbd-trdump";
        nbd-client = "/usr/sbin/nbd-client";
      };
      mainProgram = "nbd-server";
    };
    openssh = {
      deb = [ "openssh-server" "openssh-client" ];
      bin = usrBin [ "ssh" "scp" "sftp" "ssh-keygen" "ssh-keyscan" "ssh-add" "ssh-agent" "ssh-copy-id" ]
        // { sshd = "/usr/sbin/sshd"; };
      mainProgram = "ssh";
    };
    nginx = { deb = [ "nginx" ]; bin = { nginx = "/usr/sbin/nginx"; }; mainProgram = "nginx"; };
    nginxMainline = { deb = [ "nginx" ]; bin = { nginx = "/usr/sbin/nginx"; }; mainProgram = "nginx"; };
    redis = { deb = [ "redis-server" "redis-tools" ]; bin = usrBin [ "redis-server" "redis-cli" "redis-benchmark" "redis-check-aof" "redis-check-rdb" ]; mainProgram = "redis-cli"; };
    postgresql = {
      deb = [ "postgresql" ];
      bin = usrBin [ "psql" "pg_dump" "pg_dumpall" "pg_restore" "createdb" "dropdb" "createuser" "dropuser" "pg_lsclusters" "pg_ctlcluster" ];
      mainProgram = "psql";
    };
    curl = { deb = [ "curl" ]; bin = usrBin [ "curl" ]; mainProgram = "curl"; };
    wget = { deb = [ "wget" ]; bin = usrBin [ "wget" ]; mainProgram = "wget"; };
    htop = { deb = [ "htop" ]; bin = usrBin [ "htop" ]; mainProgram = "htop"; };
    git = { deb = [ "git" ]; bin = usrBin [ "git" "git-shell" "git-upload-pack" "git-receive-pack" ]; mainProgram = "git"; };
    python3 = { deb = [ "python3" ]; bin = usrBin [ "python3" "pydoc3" ]; mainProgram = "python3"; };
    openssl = { deb = [ "openssl" ]; bin = usrBin [ "openssl" ]; mainProgram = "openssl"; };
    jq = { deb = [ "jq" ]; bin = usrBin [ "jq" ]; mainProgram = "jq"; };
    vim = { deb = [ "vim" ]; bin = usrBin [ "vim" ]; mainProgram = "vim"; };
    nano = { deb = [ "nano" ]; bin = usrBin [ "nano" ]; mainProgram = "nano"; };
    rsync = { deb = [ "rsync" ]; bin = usrBin [ "rsync" ]; mainProgram = "rsync"; };
    memcached = { deb = [ "memcached" ]; bin = usrBin [ "memcached" ]; mainProgram = "memcached"; };
    # nixpkgs' iperf3 also installs `iperf` (NixOS's iperf3 module runs bin/iperf).
    iperf3 = {
      deb = [ "iperf3" ];
      bin = { iperf3 = "/usr/bin/iperf3"; iperf = "/usr/bin/iperf3"; };
      mainProgram = "iperf3";
    };
    tmux = { deb = [ "tmux" ]; bin = usrBin [ "tmux" ]; mainProgram = "tmux"; };
    e2fsprogs = { deb = [ "e2fsprogs" ]; bin = usrSbin [ "mkfs.ext4" "e2fsck" "resize2fs" "tune2fs" ]; };
    dbus = { deb = [ "dbus" ]; bin = usrBin [ "dbus-daemon" "dbus-send" ]; mainProgram = "dbus-daemon"; };
    cacert = { deb = [ "ca-certificates" ]; };
    tzdata = { deb = [ "tzdata" ]; };
    glibcLocales = { deb = [ "locales" ]; };
  };

  # Fallback entries: a Debian package name stands for itself.
  # While the package is not installed its files are unknown, so the program
  # of the same name is assumed in /usr/bin (`${pkgs.hello}/bin/hello` then
  # works once activation installs it); installed, dpkg's file list is used.
  fallback = name: {
    deb = [ name ];
    mainProgram = name;
    bin = lib.optionalAttrs (hostVersionOf [ name ] == "missing") { ${name} = "/usr/bin/${name}"; };
  };

  # Every name apt knows, each a lazy host package (sysnix's evaluator builds the set;
  # C++ Nix has only the curated table).
  hostSet =
    if builtins ? __sysnixHostPackageSet
    then builtins.__sysnixHostPackageSet (name: mkHostPackage name (fallback name))
    else { };

  packages = hostSet // lib.mapAttrs mkHostPackage hostPackageTable;
in
{
  inherit packages hostPackageTable mkHostPackage;
}
