"${{ outPath = "from-outpath"; }}"
