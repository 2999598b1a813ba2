"""Impor data: templat (CSV, kelak XLSX) dan ekspor SIPD, divalidasi dan atomik."""
