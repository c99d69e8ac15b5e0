# Shell completion scripts, thin layers over `syncro __complete`.
