package io.polycell.command.keypair;

/**
 * Public keys made with OpenSSH's ssh-keygen and a certificate made with openssl, each with the
 * fingerprint those tools print for it ({@code ssh-keygen -l -E md5}, {@code openssl x509 -fingerprint
 * -sha1}): the values Nova computes too.
 */
final class TestKeys {

    static final String RSA = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDWJtDoU0f2TA2WoFjw35u6vq+oj5JgIinvBb7g08THkfZyxh"
            + "zcH+HrXkaHpjUKqrAJ9+aXDgM7Shsf3ghwzU3CBy8JDmHWgnRC2clPKVtwHNvSwDkSWRMnEt4nDLax6d1F47IF0oAHi6161qm3MXAQKB3E9"
            + "gstTFcfGIRHAnl/lq3JBjljBsR9zeOXVyVYiczYQxMMSqKppB5SUaStc6kC5KJjun6XwzDy6uq+rpw4CPzld553FHm6PpCPG0V17EvNdGOv"
            + "TLbUJFGDbnjHg83Ks05T/qJlYohPXWp26jJff+3VSLQxlAOrtxk+qodisElIkBEqxRw5ySFYM/ipDs3D test@polycell";
    static final String RSA_FINGERPRINT = "ef:97:23:0a:d9:b9:38:87:3e:25:c2:87:2d:c2:b6:2f";
    static final String ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPZM9PneqXWa+G8rFa3fQgn6uh8FQ8RDFOBEvgmzYUrl "
            + "test@polycell";
    static final String ED25519_FINGERPRINT = "74:66:ba:00:66:de:1e:a5:22:85:8d:01:cf:d3:74:ae";
    static final String ECDSA_256 = "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBFCmodM/"
            + "dPC6tHoxeXIm/+wz02PZaFQPUHVxUcMTRm51LxZPteeWSIx7lF/1koGvTs8GuBr0xN/Ny3AMRfnhARo= test@polycell";
    static final String ECDSA_256_FINGERPRINT = "39:23:cb:fd:b1:32:51:8b:74:4b:7e:89:db:bb:e1:c5";
    static final String ECDSA_384 = "ecdsa-sha2-nistp384 AAAAE2VjZHNhLXNoYTItbmlzdHAzODQAAAAIbmlzdHAzODQAAABhBIbB9RB8"
            + "tJalOzN6B++N0Pdah+IIgsDp3HKT+c3mpalOPKNzJ3aLEn+KONneEgitQY6pECVS2qyttWT/N55Q9PqGNkvUccMVxPCYJDvt3nevVO74UEg"
            + "Hz0G/v/2uEg1BJw== test@polycell";
    static final String ECDSA_384_FINGERPRINT = "6a:16:07:56:eb:93:1a:14:21:88:04:57:bb:94:2a:73";
    static final String ECDSA_521 = "ecdsa-sha2-nistp521 AAAAE2VjZHNhLXNoYTItbmlzdHA1MjEAAAAIbmlzdHA1MjEAAACFBABISZ3S"
            + "amU2Xf/W4cJcXRQKLAIyL1ZI2WUygLywPvvR30HaJiGKONjsCiY0X5FhzeRZ0v3Vq+KkCzhthxAn/unZTAHqo5GCBtwb9dDL5f5TYG342XM"
            + "EqP8526Cb5ucO0l7mMret+tk1qISS5UIkSICNKQehRZ+fDi5p/wcra1kMtqMf3w== test@polycell";
    static final String ECDSA_521_FINGERPRINT = "58:e8:7c:a3:2f:22:1b:ff:82:79:bd:3d:8c:b5:8d:25";
    static final String DSA = "ssh-dss AAAAB3NzaC1kc3MAAACBAM3t2rtROuxqqCccuNYhAz/M9NMTWGj3B3FR2vq83/b4MR9RE6btvmM/RTS"
            + "fjJ0QSCt6kl535U+XoENCbJU50ltR+7Fj1qanxE9E3hYWdW0FGDrVKAzUvAp0sW1DTCkY4Y85zE8gHfQds2kjycGlgD+l0fu0OpUOxuCdcv"
            + "n5UDhHAAAAFQC/OEHQz608AIJPe0gtcu0PywTUEwAAAIAs/mDcKfHwTzBQEFDvDsIAFtbLIcoc0Rp/jC/lsdqN+DBcOu5sVRpUseOReOKTm"
            + "9VeZ1imTJJds1uwmfWQr4oUeN2RfYHoc0+wQdjK+VceNu9QAgrJY6Pck5NflKE9ie0v9MlMQTfRAH4vFNlw1EZrNL3DgCt8RZ2NQoONiG65"
            + "TgAAAIAbOz4QmwSQeHuIVe9sFaYSFOEvEwRfUUGRL6BtRjvpSqrKp5LRMI38E5PxGosGIbrnWS47E5NdGB2wybXtO1pDDZ1WqB0d3ljJa2N9"
            + "a6sdslNQoQy0f2TWCd6pziLGvGr4bA5RCKesESjhj8NBpcpB/c/PDlH+F8YzVqBFIavIdQ== test@polycell";
    static final String DSA_FINGERPRINT = "c9:6e:a3:1d:9c:9e:f5:0f:4b:e8:c5:66:62:91:d7:83";
    static final String CERTIFICATE = """
            -----BEGIN CERTIFICATE-----
            MIIDAzCCAeugAwIBAgIUb2fGaFfZXWu17eZpGCDBRXJcc70wDQYJKoZIhvcNAQEL
            BQAwEDEOMAwGA1UEAwwFYWxpY2UwIBcNMjYxMTIxMDc0NjM0WhgPMjEyNjEwMjgw
            NzQ2MzRaMBAxDjAMBgNVBAMMBWFsaWNlMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A
            MIIBCgKCAQEA3N87SMtW2e/C4G4LcFzaGMAGO6/87O77DRfwMqFpJoFy9QgCe9Gx
            6FU6gcZP8afzcRK5LUVxouCYSF2GeZ+/QAkRBcxaAAPPwqUvStDxiaRu/04LflLv
            EJGyWspqWL+bU2E5cTEFrFQH13Felgz4IGD/cOWW5pqB5MWO4p/MIrVxsYT98V+5
            LlZqmSvD3FYmxGvKZPkH5KN8F2GvuW6LkC/0A02V5eRQA5mF4KWMfPNpVVByWmdd
            DgRjhMW8nXjyNcptljPKSzny+bxvft1l5NcUNFtd4c3j+PlTDu9FMhJ1Uk0ABmtj
            l6nxBbBEbdxIpQ3lKHUrhHPxAvvH4lXNzQIDAQABo1MwUTAdBgNVHQ4EFgQUJP3n
            OvbBMhEBUwniRyliZPLkDJUwHwYDVR0jBBgwFoAUJP3nOvbBMhEBUwniRyliZPLk
            DJUwDwYDVR0TAQH/BAUwAwEB/zANBgkqhkiG9w0BAQsFAAOCAQEAngrSSxdtTrY/
            aRghtRaU//2yJYGaU72JQ2VpD50bQx31IpqNePgDuc1cSBJs4UfAVK3dJefuuuv4
            c0FwmuGiLkyw2NMRWPCztVjpY4T8wiTKZSMRJlTd2Dx9ibMPeudFbxOzxe4RzGr1
            AN6Keckor6r5aKUOEKimALMXJLaen6Ob7lCsr9jayFCyjiz20SnMPfl0yfOoCrJ+
            wmAgDp/ZkiDkytoEik04aDvz6PCafnmzz62o7eAowCoyv0nczO6BOeaQdQMrYdm6
            mz0gw560SnUlMt+mgdknsf8WNB/Jis0CQudVcuMjhlumdAlTJxXYX2JP92nX6MRt
            3gt2VkD4XQ==
            -----END CERTIFICATE-----
            """;
    static final String CERTIFICATE_FINGERPRINT = "14:ac:62:e5:3b:61:53:39:7d:bf:61:3a:75:a8:40:47:4b:ac:52:a7";

    private TestKeys() {
    }
}
